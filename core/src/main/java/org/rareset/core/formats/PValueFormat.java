package org.rareset.core.formats;

import java.util.Locale;

/**
 * Writes p-values as text from their log10, so values below the double range print correctly
 * ({@code 1.23e-450}) and nothing is rounded to 0.
 */
public final class PValueFormat {
    private PValueFormat() {}

    /** p = 10^log10P with {@code digits} significant digits; {@code NA} for NaN. */
    public static String format(double log10P, int digits) {
        if (Double.isNaN(log10P)) return "NA";
        if (log10P >= 0) return "1";
        if (log10P >= -4) { // plain decimals where they are short: 0.539041, 0.000123457
            return new java.math.BigDecimal(Math.pow(10, log10P)).round(new java.math.MathContext(digits))
                    .stripTrailingZeros().toPlainString();
        }
        if (log10P > -300) {
            return trim(String.format(Locale.ROOT, "%." + (digits - 1) + "e", Math.pow(10, log10P)));
        }
        double exponent = Math.floor(log10P);
        double mantissa = Math.pow(10, log10P - exponent);
        String m = String.format(Locale.ROOT, "%." + (digits - 1) + "f", mantissa);
        if (m.startsWith("10")) { // rounding carried into the next power of ten
            exponent += 1;
            m = String.format(Locale.ROOT, "%." + (digits - 1) + "f", 1.0);
        }
        return trim(m + "e" + (long) exponent);
    }

    /** Drops trailing zeros of the mantissa and a leading '+'/zero padding of the exponent. */
    private static String trim(String s) {
        int e = s.indexOf('e');
        String mant = s.substring(0, e);
        String exp = s.substring(e + 1);
        if (mant.contains(".")) {
            mant = mant.replaceAll("0+$", "");
            if (mant.endsWith(".")) mant = mant.substring(0, mant.length() - 1);
        }
        boolean neg = exp.startsWith("-");
        exp = exp.replaceFirst("^[+-]", "").replaceFirst("^0+(?=\\d)", "");
        if (!neg && exp.equals("0")) return mant;
        return mant + "e" + (neg ? "-" : "") + exp;
    }

    /**
     * The {@code neg_log10p} cell: -log10 p (0 or positive, larger = more significant, as REGENIE's
     * {@code LOG10P}) at full precision, from the log10 p carried internally; {@code NA} for NaN.
     */
    public static String negLog10(double log10P) {
        return number(negate(log10P));
    }

    /** -log10 p from log10 p, never -0. */
    public static double negate(double log10P) {
        return 0.0 - log10P;
    }

    /** A number for a TSV cell: full precision, {@code NA} for NaN. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "NA";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
