package org.rareset.annotate;

/**
 * Reads numbers out of a line of text in place, without cutting the field out as a String
 * first: score tables such as CADD's hold tens of millions of short decimals ({@code -0.836115},
 * {@code 13.095}), and {@code substring} plus {@link Double#parseDouble} was much of their cost.
 *
 * <p>{@link #parseDouble} gives exactly what {@link CursorSource#parseNumber} gives for the
 * same field. Plain decimals of up to 15 digits take the exact fast path (Clinger's): the digits
 * as an integer below 2<sup>53</sup> and a power of ten up to 10<sup>22</sup> are both exact
 * doubles, so one correctly rounded division gives the correctly rounded value, as
 * {@code parseDouble} does. Anything else (exponents, more digits, NA, ...) goes the slow way.
 */
final class DecimalText {
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final int MAX_DIGITS = 15;

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private DecimalText() {}

    /** The number in {@code s[from, to)}, as {@link CursorSource#parseNumber} reads it (NaN for missing). */
    static double parseDouble(String s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to) {
            char c = s.charAt(i);
            if (c == '-' || c == '+') {
                negative = c == '-';
                i++;
            }
        }
        long digits = 0;
        int count = 0;
        int scale = -1; // digits after the point; -1 before any point
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++count > MAX_DIGITS) return slow(s, from, to);
                digits = digits * 10 + (c - '0');
                if (scale >= 0) scale++;
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return slow(s, from, to);
            }
        }
        if (count == 0) return slow(s, from, to);
        double v = digits; // exact: fewer than 16 digits
        if (scale > 0) v /= POWERS_OF_TEN[scale];
        return negative ? -v : v;
    }

    /** A non-negative int of at most 9 digits in {@code s[from, to)}, or -1 when it is anything else. */
    static int parseSmallInt(String s, int from, int to) {
        if (to <= from || to - from > 9) return -1;
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static double slow(String s, int from, int to) {
        return CursorSource.parseNumber(s.substring(from, to));
    }
}
