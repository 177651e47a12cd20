package org.rareset.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link DecimalText} against the JDK's own parsers, bit for bit, on the same fields. */
class DecimalTextTest {
    private static void assertSameAsJdk(String field) {
        String line = "x\t" + field + "\ty"; // parse in place, inside a longer line
        double expected = CursorSource.parseNumber(field);
        double got = DecimalText.parseDouble(line, 2, 2 + field.length());
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got), "'" + field + "'");
    }

    @Test
    void typicalScoresAndEdgeCasesMatchParseDouble() {
        for (String f : List.of("1.618946", "-0.836115", "13.095", "0", "-0", "-0.0", "+1.5", ".5", "5.", "-.25",
                "000123.4500", "999999999999999", "9999999999999999", "0.1", "0.3", "1e5", "1.5E-3", "NaN", "Infinity",
                "", ".", "-", "+", "NA", "1.2.3", "1,5", " 1.5", "1.5 ", "0x1p3", "1.0d", "--1", "12345678901234567890",
                "0.000000000000001", "0.0000000000000001", "4503599627370497.5")) {
            assertSameAsJdk(f);
        }
    }

    @Test
    void randomDecimalsMatchParseDouble() {
        Random r = new Random(7);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            if (r.nextInt(3) == 0) b.append(r.nextBoolean() ? '-' : '+');
            int intDigits = r.nextInt(10);
            for (int i = 0; i < intDigits; i++) b.append((char) ('0' + r.nextInt(10)));
            if (r.nextInt(4) != 0) {
                b.append('.');
                int frac = r.nextInt(17);
                for (int i = 0; i < frac; i++) b.append((char) ('0' + r.nextInt(10)));
            }
            assertSameAsJdk(b.toString());
        }
    }

    @Test
    void smallIntsOnlyPlainDigits() {
        assertEquals(10000, DecimalText.parseSmallInt("a\t10000\t", 2, 7));
        assertEquals(0, DecimalText.parseSmallInt("0", 0, 1));
        assertEquals(999_999_999, DecimalText.parseSmallInt("999999999", 0, 9));
        assertEquals(-1, DecimalText.parseSmallInt("1000000000", 0, 10)); // 10 digits: the caller's parseInt decides
        assertEquals(-1, DecimalText.parseSmallInt("-5", 0, 2));
        assertEquals(-1, DecimalText.parseSmallInt("+5", 0, 2));
        assertEquals(-1, DecimalText.parseSmallInt("12a", 0, 3));
        assertEquals(-1, DecimalText.parseSmallInt("", 0, 0));
    }
}
