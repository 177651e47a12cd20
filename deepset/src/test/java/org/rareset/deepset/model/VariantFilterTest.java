package org.rareset.deepset.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rareset.core.InputException;

class VariantFilterTest {
    static boolean test(String expr, Map<String, Double> values) {
        return VariantFilter.parse(expr).test(c -> values.getOrDefault(c, Double.NaN));
    }

    @Test
    void defaultFilterIsDeepRvatsThresholds() {
        VariantFilter f = VariantFilter.parse(VariantFilter.DEFAULT);
        assertEquals(List.of("MAF", "CADD_PHRED"), List.copyOf(f.columns()));
        assertTrue(test(VariantFilter.DEFAULT, Map.of("MAF", 0.0099, "CADD_PHRED", 5.01)));
        assertFalse(test(VariantFilter.DEFAULT, Map.of("MAF", 0.01, "CADD_PHRED", 20.0)));
        assertFalse(test(VariantFilter.DEFAULT, Map.of("MAF", 0.001, "CADD_PHRED", 5.0)));
        assertFalse(test(VariantFilter.DEFAULT, Map.of("MAF", 0.001)), "a missing value fails");
    }

    @Test
    void precedenceParenthesesAndNumbersFirst() {
        Map<String, Double> v = Map.of("a", 1.0, "b", 2.0, "c", 3.0);
        assertTrue(test("a > 5 || b == 2 && c >= 3", v));
        assertFalse(test("(a > 5 || b == 2) && c < 3", v));
        assertTrue(test("0.5 < a && 1e1 >= c && b != 1", v));
        assertTrue(test("x != 1", v), "NaN != 1 holds");
    }

    @Test
    void syntaxErrorsNameThePosition() {
        InputException e = assertThrows(InputException.class, () -> VariantFilter.parse("MAF < 0.01 &&"));
        assertEquals("--train-filter: character 14: expected a column name in 'MAF < 0.01 &&' "
                + "(write e.g. 'MAF < 0.01 && CADD_PHRED > 5')", e.getMessage());
        assertThrows(InputException.class, () -> VariantFilter.parse("MAF = 0.01"));
        assertThrows(InputException.class, () -> VariantFilter.parse("(MAF < 0.01"));
        assertThrows(InputException.class, () -> VariantFilter.parse("MAF < 0.01 CADD"));
    }
}
