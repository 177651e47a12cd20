package org.rareset.association.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.rareset.core.InputException;
import org.rareset.association.input.AnnotationTable;
import org.rareset.core.table.TextTable;
import org.junit.jupiter.api.Test;

class MaskExpressionTest {
    static final List<String> HEADER = List.of("chrom", "pos", "ref", "alt", "gene", "is_plof", "Consequence_missense_variant", "CADD_PHRED", "impact");

    static AnnotationTable table(String[]... rows) {
        long[] lines = new long[rows.length];
        for (int i = 0; i < lines.length; i++) lines[i] = i + 2;
        return AnnotationTable.from(new TextTable("ann.tsv", HEADER, List.of(rows), lines));
    }

    static final AnnotationTable T = table(
            new String[] {"1", "10", "A", "G", "G1", "1", "0", "35.5", "HIGH"},
            new String[] {"chr1", "20", "C", "T", "G1", "0", "1", "25", "MODERATE"},
            new String[] {"1", "30", "G", "A", "G1", "0", "1", "12", "MODERATE"},
            new String[] {"1", "40", "T", "C", "G1", "0", "0", "NA", "LOW"});

    private static boolean[] eval(String expr) {
        MaskExpression e = MaskExpression.parse(expr, T.annotationColumns(), "masks.txt: line 1");
        boolean[] out = new boolean[T.rowCount()];
        for (int r = 0; r < out.length; r++) out[r] = e.test(T, r);
        return out;
    }

    private static void assertSelects(String expr, boolean... expected) {
        boolean[] got = eval(expr);
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], got[i], expr + " row " + i);
    }

    @Test
    void comparisonsAndLogic() {
        assertSelects("is_plof == 1", true, false, false, false);
        assertSelects("Consequence_missense_variant == 1 && CADD_PHRED > 20", false, true, false, false);
        assertSelects("is_plof == 1 || Consequence_missense_variant == 1 && CADD_PHRED > 20", true, true, false, false);
        assertSelects("(is_plof == 1 || Consequence_missense_variant == 1) && CADD_PHRED >= 25", true, true, false, false);
        assertSelects("!(is_plof == 1)", false, true, true, true);
        assertSelects("CADD_PHRED < 25", false, false, true, false);
        assertSelects("CADD_PHRED <= 25", false, true, true, false);
        assertSelects("CADD_PHRED != 25", true, false, true, false);
        assertSelects("20 < CADD_PHRED", true, true, false, false);
        assertSelects("CADD_PHRED > 1e1 && CADD_PHRED < 3.6E1", true, true, true, false);
        assertSelects("is_plof", true, false, false, false);
        assertSelects("impact == 'MODERATE'", false, true, true, false);
        assertSelects("impact != \"LOW\"", true, true, true, false);
    }

    @Test
    void missingValueFailsEveryComparison() {
        // row 3 has CADD_PHRED NA: neither > nor <= nor != selects it
        assertFalse(eval("CADD_PHRED > 0")[3]);
        assertFalse(eval("CADD_PHRED <= 0")[3]);
        assertFalse(eval("CADD_PHRED != 0")[3]);
        assertTrue(eval("!(CADD_PHRED > 0)")[3]);
    }

    @Test
    void unknownColumnNamesItAndListsColumns() {
        InputException e = assertThrows(InputException.class, () -> eval("is_plof == 1 && CADD > 20"));
        assertTrue(e.getMessage().contains("'CADD'"), e.getMessage());
        assertTrue(e.getMessage().contains("CADD_PHRED"), e.getMessage());
        assertTrue(e.getMessage().startsWith("masks.txt: line 1"), e.getMessage());
    }

    @Test
    void syntaxErrorsAreInputErrors() {
        for (String bad : new String[] {"is_plof ==", "(is_plof == 1", "is_plof == 1 &", "is_plof == 1)", "3", "CADD_PHRED > 'x", "is_plof # 1"}) {
            InputException e = assertThrows(InputException.class, () -> eval(bad), bad);
            assertTrue(e.getMessage().contains("mask expression"), e.getMessage());
        }
    }

    @Test
    void contigsWithAndWithoutChrMatch() {
        assertEquals(1, T.rowsFor("1", 20, "C", "T").length);
        assertEquals(1, T.rowsFor("chr1", 10, "A", "G").length);
        assertEquals(0, T.rowsFor("1", 10, "A", "T").length);
    }
}
