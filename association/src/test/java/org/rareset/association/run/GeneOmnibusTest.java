package org.rareset.association.run;

import org.rareset.core.formats.ResultRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GENE_P against the Cauchy combination written out (Liu and Xie 2020): T = mean tan((0.5 - p) pi),
 * p = 1/2 - atan(T) / pi, in two levels as REGENIE's {@code --rgc-gene-p}.
 */
class GeneOmnibusTest {
    static ResultRow row(String gene, String mask, String test, int nVariants, double p) {
        return new ResultRow("QT", gene, mask, test, nVariants, 2.0 * nVariants, nVariants, Double.NaN, Double.NaN, Math.log10(p));
    }

    /** The plain ACAT formula, valid for moderate p. */
    static double acat(double... p) {
        double t = 0;
        for (double v : p) t += Math.tan((0.5 - v) * Math.PI);
        t /= p.length;
        return 0.5 - Math.atan(t) / Math.PI;
    }

    @Test
    void combinesMasksPerTestThenTestsAndLeavesOutAcatOAndSkatBesideSkatO() {
        List<ResultRow> rows = List.of(
                row("G1", "plof", "burden", 2, 0.01), row("G1", "plof", "skat", 2, 1e-6), row("G1", "plof", "skato", 2, 0.03),
                row("G1", "plof", "acatv", 2, 0.04), row("G1", "plof", "acato", 2, 0.001),
                row("G1", "missense", "burden", 5, 0.2), row("G1", "missense", "skat", 5, 1e-7), row("G1", "missense", "skato", 5, 0.5),
                row("G1", "missense", "acatv", 5, 0.9), row("G1", "missense", "acato", 5, 0.002));
        List<ResultRow> out = GeneOmnibus.append(rows);
        assertEquals(rows.size() + 1, out.size());
        assertEquals(rows, out.subList(0, rows.size()), "the gene's rows first, unchanged");
        ResultRow g = out.get(rows.size());
        assertEquals("GENE_P", g.mask());
        assertEquals("omnibus", g.test());
        double expected = acat(acat(0.01, 0.2), acat(0.03, 0.5), acat(0.04, 0.9));
        assertEquals(Math.log10(expected), g.log10P(), 1e-10);
        assertEquals(5, g.nVariants(), "the largest mask");
        assertEquals(10.0, g.mac(), 0);
        assertEquals(Double.NaN, g.beta());
    }

    @Test
    void skatStandsInForSkatOWhenSkatOWasNotRunAndOneValueIsKept() {
        List<ResultRow> rows = List.of(row("G1", "all", "burden", 3, 0.02), row("G1", "all", "skat", 3, 0.3),
                row("G2", "all", "burden", 1, 0.0123), row("G2", "all", "skat", 1, Double.NaN));
        List<ResultRow> out = GeneOmnibus.append(rows);
        assertEquals(6, out.size());
        assertEquals(Math.log10(acat(0.02, 0.3)), out.get(2).log10P(), 1e-10);
        // G2: the only p-value is the burden's, returned as it is (REGENIE: a single p is not recombined)
        assertEquals(Math.log10(0.0123), out.get(5).log10P(), 0);
    }

    @Test
    void acatOAloneIsUsedAndRowsWithoutPValueGiveNoGeneRow() {
        List<ResultRow> onlyAcatO = List.of(row("G1", "a", "acato", 2, 0.04), row("G1", "b", "acato", 2, 0.06));
        assertEquals(Math.log10(acat(0.04, 0.06)), GeneOmnibus.append(onlyAcatO).get(2).log10P(), 1e-10);
        List<ResultRow> none = List.of(row("G1", "a", "burden", 2, Double.NaN));
        assertEquals(none, GeneOmnibus.append(none));
        assertNull(GeneOmnibus.combine(none, false, true));
    }

    @Test
    void tinyAndUnitPValuesFollowRegenie() {
        // p = 1e-300 with p = 0.5: T ~ 1 / (2 p pi), so GENE_P ~ 2p
        List<ResultRow> tiny = List.of(row("G1", "a", "burden", 2, 1e-300), row("G1", "a", "acatv", 2, 0.5));
        assertEquals(-300 + Math.log10(2), GeneOmnibus.append(tiny).get(2).log10P(), 1e-9);
        // p = 1 is capped at 0.999 before tan: two of them combine to 0.999
        List<ResultRow> ones = List.of(row("G1", "a", "burden", 2, 1.0), row("G1", "a", "acatv", 2, 1.0));
        assertEquals(Math.log10(0.999), GeneOmnibus.append(ones).get(2).log10P(), 1e-9);
        // log10 p far below the double range stays exact: two equal p give p
        List<ResultRow> deep = new ArrayList<>();
        deep.add(new ResultRow("QT", "G1", "a", "burden", 1, 2, 1, Double.NaN, Double.NaN, -500));
        deep.add(new ResultRow("QT", "G1", "a", "skato", 1, 2, 1, Double.NaN, Double.NaN, -500));
        assertEquals(-500, GeneOmnibus.append(deep).get(2).log10P(), 1e-9);
    }
}
