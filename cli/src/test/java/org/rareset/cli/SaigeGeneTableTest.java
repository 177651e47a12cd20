package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assoc --out-format saige}: SAIGE-GENE+'s gene table from a SAIGE group file, on the cohort of
 * {@link RegenieMaskFilesTest} (known ALT counts per sample). Every line must carry exactly SAIGE-GENE+'s
 * columns and the values of the native result rows of its gene and mask; the ultra-rare count and MAC
 * are checked against counts made here from the genotypes.
 */
class SaigeGeneTableTest {
    static final List<String> COLUMNS = List.of("Region", "Group", "max_MAF", "Pvalue", "Pvalue_Burden", "Pvalue_SKAT",
            "BETA_Burden", "SE_Burden", "MAC", "MAC_case", "MAC_control", "Number_rare", "Number_ultra_rare");
    static final int COLLAPSE_MAC = 3; // the cohort's --collapse-mac

    @TempDir Path dir;
    RegenieMaskFilesTest cohort;
    Path groupFile;

    @BeforeEach
    void setUp() throws IOException {
        cohort = new RegenieMaskFilesTest();
        cohort.dir = dir;
        cohort.setUp();
        StringBuilder group = new StringBuilder();
        for (int g = 1; g <= 4; g++) {
            String gene = "GENE" + g;
            StringBuilder var = new StringBuilder(gene + " var");
            StringBuilder anno = new StringBuilder(gene + " anno");
            for (RegenieMaskFilesTest.Site site : cohort.sites) {
                if (!site.gene().equals(gene)) continue;
                var.append(" chr1:").append(site.pos()).append(":A:G");
                anno.append(' ').append(site.category());
            }
            group.append(var).append('\n').append(anno).append('\n');
        }
        groupFile = Files.writeString(dir.resolve("groups.txt"), group.toString());
    }

    /** Native rows by phenotype|gene|mask|test: column name -> cell. */
    Map<String, Map<String, String>> nativeRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split("\t"));
        Map<String, Map<String, String>> m = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < f.length; i++) row.put(header.get(i), f[i]);
            m.put(row.get("phenotype") + "|" + row.get("gene") + "|" + row.get("mask") + "|" + row.get("test"), row);
        }
        return m;
    }

    /** MAC in all samples and how many variants have MAC below the collapsing threshold, for a gene x categories x MAF limit. */
    int[] expectedCounts(String gene, List<String> categories, double maxMaf) {
        int mac = 0;
        int variants = 0;
        int ultraRare = 0;
        int n = RegenieMaskFilesTest.N;
        for (RegenieMaskFilesTest.Site s : cohort.sites) {
            if (!s.gene().equals(gene) || !categories.contains(s.category())) continue;
            int ac = 0;
            for (int a : s.alt()) ac += a;
            int minor = Math.min(ac, 2 * n - ac);
            if (minor == 0 || minor / (2.0 * n) > maxMaf) continue;
            mac += minor;
            variants++;
            if (minor < COLLAPSE_MAC) ultraRare++;
        }
        return new int[] {mac, variants, ultraRare};
    }

    /** The native row's p at full precision (from neg_log10p) against the table's. */
    static void assertSameP(Map<String, String> nativeRow, String saigeP, String what) {
        String negLog10 = nativeRow.get("neg_log10p");
        if (negLog10.equals("NA")) {
            assertEquals("NA", saigeP, what);
            return;
        }
        assertEquals(-Double.parseDouble(negLog10), Math.log10(Double.parseDouble(saigeP)), 1e-12, what);
    }

    @Test
    void tableHasSaigeColumnsAndTheNativeValues() throws IOException {
        Path out = dir.resolve("saige.tsv");
        CliRun r = cohort.assoc("saige.tsv", "--group-file", groupFile.toString(), "--annotation-in-group-test", "LoF,LoF:missense",
                "--max-maf", "0.02,0.05", "--tests", "burden,skat,skato,acatv", "--out-format", "saige");
        assertEquals(0, r.exit(), r.err());
        Map<String, Map<String, String>> nat = nativeRows(out);
        int lines = 0;
        int cauchy = 0;
        for (String trait : List.of("QT", "BT")) {
            Path table = dir.resolve("saige_" + trait + ".saige.txt");
            assertTrue(r.err().contains("wrote " + table), r.err());
            List<String> text = Files.readAllLines(table);
            assertEquals(COLUMNS, List.of(text.get(0).split("\t", -1)));
            for (String line : text.subList(1, text.size())) {
                String[] f = line.split("\t", -1);
                assertEquals(COLUMNS.size(), f.length, line);
                Map<String, String> c = new HashMap<>();
                for (int i = 0; i < f.length; i++) c.put(COLUMNS.get(i), f[i]);
                if (c.get("Group").equals("Cauchy")) {
                    cauchy++;
                    continue;
                }
                lines++;
                String mask = c.get("Group").replace(';', ':') + "." + c.get("max_MAF");
                String key = trait + "|" + c.get("Region") + "|" + mask + "|";
                Map<String, String> skato = nat.get(key + "skato");
                Map<String, String> burden = nat.get(key + "burden");
                Map<String, String> skat = nat.get(key + "skat");
                assertTrue(skato != null && burden != null && skat != null, line);
                assertSameP(skato, c.get("Pvalue"), line);
                assertSameP(burden, c.get("Pvalue_Burden"), line);
                assertSameP(skat, c.get("Pvalue_SKAT"), line);
                assertEquals(Double.parseDouble(burden.get("beta")), Double.parseDouble(c.get("BETA_Burden")), 1e-12 * Math.abs(Double.parseDouble(burden.get("beta"))), line);
                assertEquals(Double.parseDouble(burden.get("se")), Double.parseDouble(c.get("SE_Burden")), 1e-12 * Double.parseDouble(burden.get("se")), line);
                assertEquals(burden.get("mac"), c.get("MAC"), line);
                assertEquals(trait.equals("BT") ? burden.get("mac_case") : "NA", c.get("MAC_case"), line);
                assertEquals(trait.equals("BT") ? burden.get("mac_control") : "NA", c.get("MAC_control"), line);
                if (trait.equals("BT")) {
                    assertEquals(Double.parseDouble(c.get("MAC")), Double.parseDouble(c.get("MAC_case")) + Double.parseDouble(c.get("MAC_control")), 1e-9, line);
                }
                // every sample is analysed: the counts follow from the genotypes
                int[] expected = expectedCounts(c.get("Region"), List.of(c.get("Group").split(";")), Double.parseDouble(c.get("max_MAF")));
                assertEquals(expected[0], Integer.parseInt(c.get("MAC")), line);
                assertEquals(expected[1] - expected[2], Integer.parseInt(c.get("Number_rare")), line);
                assertEquals(expected[2], Integer.parseInt(c.get("Number_ultra_rare")), line);
            }
        }
        assertEquals(2 * 4, cauchy, "one Cauchy line per gene and trait");
        assertTrue(lines >= 2 * 4 * 3, "lines: " + lines);
    }

    @Test
    void saigeFormatWithScoresIsRefused() throws IOException {
        Path scores = Files.writeString(dir.resolve("scores.tsv"), "sample\tgene\tscore\n");
        CliRun r = CliRun.run(List.of("assoc", "--scores", scores.toString(), "--pheno", cohort.pheno.toString(),
                "--out", dir.resolve("x.tsv").toString(), "--out-format", "saige"));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--out-format saige"), r.err());
    }
}
