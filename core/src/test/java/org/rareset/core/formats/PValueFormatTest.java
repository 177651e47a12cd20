package org.rareset.core.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PValueFormatTest {
    @Test
    void formatsAcrossTheRange() {
        assertEquals("0.5", PValueFormat.format(Math.log10(0.5), 6));
        assertEquals("0.539041", PValueFormat.format(Math.log10(0.53904123), 6));
        assertEquals("0.000123457", PValueFormat.format(Math.log10(1.234567e-4), 6));
        assertEquals("9.87654e-5", PValueFormat.format(Math.log10(9.876543e-5), 6));
        assertEquals("1.23e-450", PValueFormat.format(-450 + Math.log10(1.23), 6));
        assertEquals("1e-300", PValueFormat.format(-300, 6));
        assertEquals("1e-1000", PValueFormat.format(-1000 + 1e-12, 6));
        assertEquals("3.14159e-20", PValueFormat.format(Math.log10(3.14159e-20), 6));
        assertEquals("1", PValueFormat.format(0, 6));
        assertEquals("NA", PValueFormat.format(Double.NaN, 6));
        assertEquals(2.5e-7, Double.parseDouble(PValueFormat.format(Math.log10(2.5e-7), 6)), 1e-20);
    }
}
