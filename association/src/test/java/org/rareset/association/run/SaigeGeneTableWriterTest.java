package org.rareset.association.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.association.mask.Mask;
import org.rareset.core.formats.CaseControlCounts;
import org.rareset.core.formats.ResultRow;

/**
 * The SAIGE-GENE+ gene table against SAIGE-GENE+'s own example output
 * (testdata/saige/genotype_100markers_bgen_groupTest_out.txt, see its README): the same columns and
 * spellings, and its {@code Cauchy} lines recomputed from its other lines.
 */
class SaigeGeneTableWriterTest {
    static final Path SAMPLE = Path.of(System.getProperty("rareset.testdata", "../testdata"), "saige",
            "genotype_100markers_bgen_groupTest_out.txt");

    @TempDir Path dir;

    static List<String[]> read(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) out.add(line.split("\t", -1));
        return out;
    }

    @Test
    void headerIsSaigeGenePlusHeader() throws IOException {
        assertTrue(Files.isRegularFile(SAMPLE), "missing " + SAMPLE);
        assertEquals(List.of(read(SAMPLE).get(0)), List.of(SaigeGeneTableWriter.COLUMNS));
    }

    /** Each Cauchy line of SAIGE-GENE+'s output, recomputed from the gene's other lines. */
    @Test
    void cauchyLinesOfTheSampleAreReproduced() throws IOException {
        List<String[]> rows = read(SAMPLE);
        List<List<Double>> cols = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int checked = 0;
        for (String[] f : rows.subList(1, rows.size())) {
            if (f[1].equals(SaigeGeneTableWriter.CAUCHY)) {
                for (int c = 0; c < 3; c++) {
                    double expected = Double.parseDouble(f[3 + c]);
                    double got = Math.pow(10, SaigeGeneTableWriter.cct(cols.get(c)));
                    assertEquals(expected, got, 1e-12 * expected, f[0] + " column " + SaigeGeneTableWriter.COLUMNS[3 + c]);
                }
                cols.forEach(List::clear);
                checked++;
            } else {
                for (int c = 0; c < 3; c++) cols.get(c).add(Math.log10(Double.parseDouble(f[3 + c])));
            }
        }
        assertEquals(2, checked);
    }

    @Test
    void cctFollowsSaigeRulesAtTheEdges() {
        double nan = Double.NaN;
        assertTrue(Double.isNaN(SaigeGeneTableWriter.cct(List.of(nan, nan))));
        // NA left out: one value left is returned as it is
        assertEquals(-2.0, SaigeGeneTableWriter.cct(List.of(nan, -2.0)), 1e-12);
        // a p of 1 gives min(1, n * min p)
        assertEquals(Math.log10(3 * 0.01), SaigeGeneTableWriter.cct(List.of(0.0, -2.0, -1.0)), 1e-12);
        assertEquals(0.0, SaigeGeneTableWriter.cct(List.of(0.0, -0.1)), 0);
        // a p of 0 gives 0
        assertEquals(Double.NEGATIVE_INFINITY, SaigeGeneTableWriter.cct(List.of(Double.NEGATIVE_INFINITY, -1.0)));
        // tiny p enter as w/(p pi): two equal p of 1e-300 combine to 1e-300
        assertEquals(-300, SaigeGeneTableWriter.cct(List.of(-300.0, -300.0)), 1e-9);
    }

    /** The layout of a written table matches the sample's: Group spelling, max_MAF, the Cauchy line's NA cells. */
    @Test
    void writtenTableHasTheSampleLayout() throws IOException {
        List<Mask> masks = List.of(new Mask("lof.0.001", null, 0.001), new Mask("lof.0.01", null, 0.01),
                new Mask("missense:lof.0.001", null, 0.001), new Mask("missense:lof.0.01", null, 0.01));
        List<ResultRow> rows = new ArrayList<>();
        CaseControlCounts cc = new CaseControlCounts(2, 3, 2, 3);
        for (Mask m : masks) {
            rows.add(new ResultRow("BT", "GENE1", m.name(), "burden", 4, 5, 5, cc, 0.146466637563443, 0.0668317350724161, Double.NaN, Math.log10(0.0284)));
            rows.add(new ResultRow("BT", "GENE1", m.name(), "skat", 4, 5, 5, cc, Double.NaN, Double.NaN, Double.NaN, Math.log10(0.03)));
            rows.add(new ResultRow("BT", "GENE1", m.name(), "skato", 4, 5, 5, cc, Double.NaN, Double.NaN, Double.NaN, Math.log10(0.029)));
            rows.add(new ResultRow("BT", "GENE1", m.name(), "acatv", 4, 5, 5, cc, Double.NaN, Double.NaN, Double.NaN, Math.log10(0.5)));
        }
        rows.add(new ResultRow("BT", "GENE1", GeneOmnibus.MASK, GeneOmnibus.TEST, 4, 5, 5, Double.NaN, Double.NaN, -1));
        Path out = dir.resolve("results.tsv");
        List<Path> files = SaigeGeneTableWriter.write(out, rows, masks, (p, g, m) -> 4);
        assertEquals(List.of(dir.resolve("results_BT.saige.txt")), files);
        List<String[]> ours = read(files.get(0));
        List<String[]> sample = read(SAMPLE);
        assertEquals(String.join("\t", sample.get(0)), String.join("\t", ours.get(0)));
        assertEquals(6, ours.size()); // header, four masks, Cauchy (GENE_P rows are not SAIGE's)
        for (int i = 1; i <= 4; i++) {
            String[] s = sample.get(i);
            String[] o = ours.get(i);
            assertEquals(s.length, o.length);
            assertEquals(s[1], o[1], "Group");
            assertEquals(s[2], o[2], "max_MAF");
            assertEquals(0.0284, Double.parseDouble(o[4]), 1e-15);
            assertEquals("0.146466637563443", o[6]);
            assertEquals("5\t2\t3\t0\t4", String.join("\t", o[8], o[9], o[10], o[11], o[12]));
        }
        String[] cauchy = ours.get(5);
        String[] sampleCauchy = sample.get(7);
        assertEquals(SaigeGeneTableWriter.CAUCHY, sampleCauchy[1]);
        for (int c = 0; c < cauchy.length; c++) {
            assertEquals(sampleCauchy[c].equals("NA"), cauchy[c].equals("NA"), "NA cells of the Cauchy line, column " + c);
        }
        assertEquals(0.0284, Double.parseDouble(cauchy[4]), 1e-12); // equal p-values combine to themselves
        assertEquals(0.029, Double.parseDouble(cauchy[3]), 1e-12);
        assertEquals(0.03, Double.parseDouble(cauchy[5]), 1e-12);
    }
}
