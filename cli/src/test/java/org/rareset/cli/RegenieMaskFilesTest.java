package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REGENIE mask files ({@code --anno-file --set-list --mask-def --aaf-bins}) against the
 * equivalent RareSet annotation table and mask file: the result rows must be identical. The
 * cohort is built here with known allele counts, so the singleton masks are checked against an
 * {@code ac == 1} (or {@code carriers == 1}) annotation the test computes itself.
 */
class RegenieMaskFilesTest {
    static final int N = 80;
    static final String[] CATEGORY = {"LoF", "missense", "missense", "synonymous", "LoF", "missense"};
    /** Carriers per variant of a gene: singletons, one hom-ALT single carrier (AC 2), rare and less rare. */
    static final int[] CARRIERS = {1, 1, 3, 6, 12, 1};

    @TempDir Path dir;
    Path vcf;
    Path pheno;
    Path annoFile;
    Path setList;
    Path maskDef;
    Path nativeAnnotations;
    int swapped;
    /** The cohort's sites: gene, category and each sample's ALT count. */
    record Site(String gene, String category, int[] alt, int pos, double weight) {}
    final List<Site> sites = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Random rnd = new Random(11);
        StringBuilder v = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=chr1,length=1000000>\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        for (int s = 0; s < N; s++) v.append('\t').append(SmallCohort.sample(s));
        v.append('\n');
        StringBuilder anno = new StringBuilder("# variant gene annotation\n");
        StringBuilder sets = new StringBuilder();
        StringBuilder nat = new StringBuilder("chrom\tpos\tref\talt\tgene\tcategory\tac\tcarriers\tweight\n");
        int pos = 1000;
        for (int g = 1; g <= 4; g++) {
            String gene = "GENE" + g;
            List<String> ids = new ArrayList<>();
            for (int j = 0; j < CARRIERS.length; j++) {
                pos += 50;
                String[] gt = new String[N];
                java.util.Arrays.fill(gt, "0/0");
                int placed = 0;
                while (placed < CARRIERS[j] + (g - 1) % 2) {
                    int s = rnd.nextInt(N);
                    if (gt[s].equals("0/0")) { gt[s] = "0/1"; placed++; }
                }
                if (j == 1) { // the single carrier is hom-ALT: AC 2, one carrier
                    for (int s = 0; s < N; s++) if (!gt[s].equals("0/0")) gt[s] = "1/1";
                }
                int[] alt = new int[N];
                for (int s = 0; s < N; s++) alt[s] = gt[s].equals("1/1") ? 2 : gt[s].equals("0/1") ? 1 : 0;
                int ac = 0;
                int carriers = 0;
                for (String x : gt) { if (!x.equals("0/0")) carriers++; ac += x.equals("1/1") ? 2 : x.equals("0/1") ? 1 : 0; }
                boolean rsid = g == 4 && j == 0; // listed by the genotype file's id, as in REGENIE's examples
                v.append("chr1\t").append(pos).append(rsid ? "\trs4000" : "\t.").append("\tA\tG\t.\tPASS\t.\tGT");
                for (String x : gt) v.append('\t').append(x);
                v.append('\n');
                // ids as REGENIE users have them: some with chr and REF/ALT swapped
                boolean swap = !rsid && (j + g) % 3 == 0;
                if (swap) swapped++;
                String id = rsid ? "rs4000" : swap ? "chr1:" + pos + ":G:A" : "1:" + pos + ":A:G";
                ids.add(id);
                String category = CATEGORY[(j + g) % CATEGORY.length];
                sites.add(new Site(gene, category, alt, pos, 1 + 0.5 * j));
                anno.append(id).append(' ').append(gene).append(' ').append(category).append('\n');
                nat.append("1\t").append(pos).append("\tA\tG\t").append(gene).append('\t').append(category)
                        .append('\t').append(ac).append('\t').append(carriers).append('\t').append(1 + 0.5 * j).append('\n');
            }
            sets.append(gene).append(" 1 ").append(pos).append(' ').append(String.join(",", ids)).append('\n');
        }
        // an annotation outside every set and a set variant without annotation: counted, not used
        anno.append("1:999999:C:T GENE9 LoF\n");
        sets.append("GENE5 1 5000 1:5000:C:T\n");
        vcf = Files.writeString(dir.resolve("cohort.vcf"), v.toString());
        annoFile = Files.writeString(dir.resolve("example.annotations"), anno.toString());
        setList = Files.writeString(dir.resolve("example.setlist"), sets.toString());
        maskDef = Files.writeString(dir.resolve("example.masks"), "M1 LoF\nM2 LoF,missense\n");
        nativeAnnotations = Files.writeString(dir.resolve("annotations.tsv"), nat.toString());
        Random r = new Random(5);
        StringBuilder p = new StringBuilder("sample\tQT\tBT\n");
        for (int s = 0; s < N; s++) {
            p.append(SmallCohort.sample(s)).append('\t').append(String.format("%.4f", r.nextGaussian())).append('\t').append(s % 3 == 0 ? 1 : 0).append('\n');
        }
        pheno = Files.writeString(dir.resolve("pheno.tsv"), p.toString());
    }

    CliRun assoc(String out, String... extra) {
        List<String> a = new ArrayList<>(List.of("assoc", "--vcf", vcf.toString(), "--pheno", pheno.toString(),
                "--out", dir.resolve(out).toString(), "--threads", "1", "--collapse-mac", "3", "--min-mac", "0"));
        a.addAll(List.of(extra));
        return run(a);
    }

    /** phenotype|gene|mask|test -> the rest of the row. */
    Map<String, String> rows(String out) throws IOException {
        Map<String, String> m = new TreeMap<>();
        List<String> lines = Files.readAllLines(dir.resolve(out));
        List<String> header = List.of(lines.get(0).split("\t"));
        int mask = header.indexOf("mask"), test = header.indexOf("test");
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("#")) continue;
            String[] f = line.split("\t");
            String key = f[0] + "|" + f[1] + "|" + f[mask] + "|" + f[test];
            assertFalse(m.containsKey(key), line);
            List<String> rest = new ArrayList<>(List.of(f));
            rest.remove(test);
            rest.remove(mask);
            rest.remove(1);
            rest.remove(0);
            m.put(key, String.join("\t", rest));
        }
        return m;
    }

    Map<String, String> nativeRows(String singletonColumn) throws IOException {
        Path binned = Files.writeString(dir.resolve("binned.txt"),
                "M1: category == 'LoF'\nM2: category == 'LoF' || category == 'missense'\n");
        Path single = Files.writeString(dir.resolve("single.txt"),
                "M1.singleton: category == 'LoF' && " + singletonColumn + " == 1\n"
                        + "M2.singleton: (category == 'LoF' || category == 'missense') && " + singletonColumn + " == 1\n");
        String tests = "burden,skat,skato,acatv,acato,burden-max";
        CliRun a = assoc("native-bins.tsv", "--annotations", nativeAnnotations.toString(), "--masks", binned.toString(),
                "--max-maf", "0.02,0.05", "--tests", tests);
        assertEquals(0, a.exit(), a.err());
        // REGENIE's singleton masks have no frequency bin: MAF <= 0.5 is no limit, named <mask>.0.5 here
        CliRun b = assoc("native-single.tsv", "--annotations", nativeAnnotations.toString(), "--masks", single.toString(),
                "--max-maf", "0.5", "--tests", tests);
        assertEquals(0, b.exit(), b.err());
        Map<String, String> m = rows("native-bins.tsv");
        rows("native-single.tsv").forEach((k, v) -> m.put(k.replace(".singleton.0.5|", ".singleton|"), v));
        // GENE_P combines all of a gene's masks, which the two native runs split between them
        m.keySet().removeIf(k -> k.contains("|GENE_P|"));
        return m;
    }

    @Test
    void regenieFilesEqualTheEquivalentMaskFileRun() throws IOException {
        CliRun r = assoc("regenie.tsv", "--anno-file", annoFile.toString(), "--set-list", setList.toString(),
                "--mask-def", maskDef.toString(), "--aaf-bins", "0.02,0.05");
        assertEquals(0, r.exit(), r.err());
        Map<String, String> regenie = rows("regenie.tsv");
        regenie.keySet().removeIf(k -> k.contains("|GENE_P|"));
        Map<String, String> reference = nativeRows("ac");
        assertEquals(reference.keySet(), regenie.keySet());
        assertEquals(reference, regenie);
        assertTrue(regenie.keySet().stream().anyMatch(k -> k.contains("|M2.singleton|burden-max")), regenie.keySet().toString());
        assertTrue(regenie.keySet().stream().anyMatch(k -> k.contains("|M1.0.05|")), regenie.keySet().toString());
        assertTrue(r.err().contains(swapped + " genotyped variant(s) matched a mask-file id with REF and ALT swapped"), r.err());
        assertTrue(r.err().contains("REGENIE sets: 5 genes, 25 variant-gene pairs; 1 set-list variants without an annotation for their gene (category NULL), "
                + "0 repeated in their set (counted once), 1 annotation lines outside every set (unused)"), r.err());
    }

    /** The column set of REGENIE's step-2 gene-based output (REGENIE docs, options.md "Output"; step-2 .regenie files). */
    static final String REGENIE_HEADER = "CHROM GENPOS ID ALLELE0 ALLELE1 A1FREQ N TEST BETA SE CHISQ LOG10P EXTRA";

    @Test
    void regenieLayoutParsesAndCarriesTheResults() throws IOException {
        CliRun r = assoc("res.tsv", "--anno-file", annoFile.toString(), "--set-list", setList.toString(),
                "--mask-def", maskDef.toString(), "--aaf-bins", "0.02,0.05", "--out-format", "regenie");
        assertEquals(0, r.exit(), r.err());
        Map<String, Double> pvalues = new TreeMap<>();
        List<String> table = Files.readAllLines(dir.resolve("res.tsv"));
        List<String> cols = List.of(table.get(0).split("\t"));
        int gene = cols.indexOf("gene"), mask = cols.indexOf("mask"), testCol = cols.indexOf("test");
        for (String line : table.subList(1, table.size())) {
            String[] f = line.split("\t");
            if (f[testCol].equals("omnibus")) continue; // GENE_P: checked by the GENE_P name test above, not by test mapping
            pvalues.put(f[0] + "|" + f[gene] + "." + f[mask] + "|" + f[testCol], Double.parseDouble(f[cols.indexOf("pval")]));
        }
        Map<String, String> testNames = Map.of("burden-max", "ADD", "skat", "ADD-SKAT", "skato", "ADD-SKATO", "acatv", "ADD-ACATV",
                "acato", "ADD-ACATO", "burden", "ADD-BURDEN-WEIGHTED");
        org.apache.commons.math3.distribution.ChiSquaredDistribution chi1 = new org.apache.commons.math3.distribution.ChiSquaredDistribution(1);
        int checked = 0;
        for (String pheno : List.of("QT", "BT")) {
            List<String> lines = Files.readAllLines(dir.resolve("res_" + pheno + ".regenie"));
            assertEquals("##MASKS=<M1=\"LoF\";M2=\"LoF,missense\">", lines.get(0));
            assertEquals(REGENIE_HEADER, lines.get(1));
            for (String line : lines.subList(2, lines.size())) {
                String[] f = line.split(" ");
                assertEquals(13, f.length, line);
                assertEquals("1", f[0]);
                assertEquals("ref", f[3]);
                assertEquals(f[2], f[2].substring(0, f[2].indexOf('.')) + "." + f[4], line);
                assertEquals("80", f[6]);
                assertTrue(testNames.containsValue(f[7]) || f[7].equals("GENE_P"), line);
                if (f[2].startsWith("GENE1.")) assertEquals("1300", f[1], "the set list's position");
                String test = testNames.entrySet().stream().filter(e -> e.getValue().equals(f[7])).map(Map.Entry::getKey).findFirst().orElse(null);
                Double p = pvalues.get(pheno + "|" + f[2] + "|" + test);
                if (p == null) continue;
                double log10p = Double.parseDouble(f[11]);
                assertTrue(log10p >= 0, line);
                assertEquals(-Math.log10(p), log10p, 1e-4 * Math.max(1, log10p), line);
                assertEquals(p, 1 - chi1.cumulativeProbability(Double.parseDouble(f[10])), 1e-5 * p + 1e-12, line);
                checked++;
            }
        }
        assertEquals(pvalues.size(), checked, "every result row is in the REGENIE files");
    }

    /** gene|mask|sample -> max ALT count, from the sites written in setUp (AAF over all 80 samples). */
    Map<String, Integer> expectedMaxBurdens() {
        Map<String, Integer> m = new TreeMap<>();
        Map<String, List<String>> categories = Map.of("M1", List.of("LoF"), "M2", List.of("LoF", "missense"));
        for (String mask : categories.keySet()) {
            for (String bin : List.of("0.02", "0.05", "singleton")) {
                for (Site site : sites) {
                    if (!categories.get(mask).contains(site.category())) continue;
                    int ac = java.util.Arrays.stream(site.alt()).sum();
                    boolean in = bin.equals("singleton") ? ac == 1 : ac / (2.0 * N) <= Double.parseDouble(bin);
                    if (!in) continue;
                    for (int s = 0; s < N; s++) {
                        if (site.alt()[s] > 0) m.merge(site.gene() + "|" + mask + "." + bin + "|" + SmallCohort.sample(s), site.alt()[s], Math::max);
                    }
                }
            }
        }
        return m;
    }

    @Test
    void writeBurdensTableHoldsEachSamplesMaxBurden() throws IOException {
        CliRun r = assoc("res.tsv", "--anno-file", annoFile.toString(), "--set-list", setList.toString(),
                "--mask-def", maskDef.toString(), "--aaf-bins", "0.02,0.05", "--write-burdens", dir.resolve("burdens.tsv").toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("burdens.tsv"));
        assertEquals("sample\tgene\tmask\tburden", lines.get(0));
        Map<String, Integer> got = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            got.put(f[1] + "|" + f[2] + "|" + f[0], (int) Double.parseDouble(f[3]));
        }
        Map<String, Integer> expected = expectedMaxBurdens();
        assertFalse(expected.isEmpty());
        assertEquals(expected, got);
    }

    @Test
    void writeBurdensBedReadsInPlink2() throws Exception {
        Path bed = dir.resolve("masks.bed");
        CliRun r = assoc("res.tsv", "--anno-file", annoFile.toString(), "--set-list", setList.toString(),
                "--mask-def", maskDef.toString(), "--aaf-bins", "0.02,0.05", "--write-burdens", bed.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(dir.resolve("masks.bim")) && Files.exists(dir.resolve("masks.fam")));
        if (!Files.isExecutable(Path.of("/usr/bin/plink2")) && System.getenv("RARESET_REQUIRE_CI_TOOLS") != null) {
            org.junit.jupiter.api.Assertions.fail("plink2 is required here (RARESET_REQUIRE_CI_TOOLS) but not installed");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/plink2")), "plink2 not installed");
        Process p = new ProcessBuilder("plink2", "--bfile", dir.resolve("masks").toString(), "--freq", "--out", dir.resolve("freq").toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        // ALT (= .bim A1, the mask) frequency = summed burden / 2N
        Map<String, Integer> sums = new TreeMap<>();
        expectedMaxBurdens().forEach((k, v) -> sums.merge(k.substring(0, k.lastIndexOf('|')).replace('|', '.'), v, Integer::sum));
        List<String> afreq = Files.readAllLines(dir.resolve("freq.afreq"));
        List<String> head = List.of(afreq.get(0).split("\t"));
        int id = head.indexOf("ID");
        int freq = head.indexOf("ALT_FREQS");
        int obs = head.indexOf("OBS_CT");
        assertEquals(sums.size(), afreq.size() - 1);
        for (String line : afreq.subList(1, afreq.size())) {
            String[] f = line.split("\t");
            assertEquals(2 * N, Integer.parseInt(f[obs]), line);
            assertEquals(sums.get(f[id]) / (2.0 * N), Double.parseDouble(f[freq]), 1e-6, line);
        }
    }

    @Test
    void saigeGroupFileEqualsTheEquivalentMaskFileRun() throws IOException {
        StringBuilder group = new StringBuilder();
        for (int g = 1; g <= 4; g++) {
            String gene = "GENE" + g;
            StringBuilder var = new StringBuilder(gene + " var");
            StringBuilder anno = new StringBuilder(gene + " anno");
            StringBuilder weight = new StringBuilder(gene + " weight");
            int k = 0;
            for (Site site : sites) {
                if (!site.gene().equals(gene)) continue;
                // SAIGE's chr1_100_A_G spelling, and some ids with REF/ALT swapped
                var.append(' ').append(k++ % 2 == 0 ? "chr1_" + site.pos() + "_A_G" : "chr1:" + site.pos() + ":G:A");
                anno.append(' ').append(site.category());
                weight.append(' ').append(site.weight());
            }
            group.append(var).append('\n').append(anno).append('\n').append(weight).append('\n');
        }
        Path groupFile = Files.writeString(dir.resolve("groups.txt"), group.toString());
        String tests = "burden,skat,skato,acatv,acato";
        CliRun r = assoc("saige.tsv", "--group-file", groupFile.toString(), "--annotation-in-group-test", "LoF,LoF:missense",
                "--max-maf", "0.02,0.05", "--weights", "weight", "--tests", tests);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("SAIGE groups: 4 genes, 24 variant-gene pairs"), r.err());
        assertTrue(r.err().contains("12 genotyped variant(s) matched a mask-file id with REF and ALT swapped"), r.err());
        Path masks = Files.writeString(dir.resolve("saige-masks.txt"),
                "LoF: category == 'LoF'\nLoF_missense: category == 'LoF' || category == 'missense'\n");
        CliRun n = assoc("saige-native.tsv", "--annotations", nativeAnnotations.toString(), "--masks", masks.toString(),
                "--max-maf", "0.02,0.05", "--weights", "weight", "--tests", tests);
        assertEquals(0, n.exit(), n.err());
        Map<String, String> saige = new TreeMap<>();
        rows("saige.tsv").forEach((k, v) -> saige.put(k.replace("LoF:missense", "LoF_missense"), v));
        Map<String, String> reference = rows("saige-native.tsv");
        assertTrue(reference.keySet().stream().anyMatch(k -> k.contains("|LoF_missense.0.05|skato")), reference.keySet().toString());
        assertEquals(reference, saige);
    }

    @Test
    void singletonCarrierCountsCarriersNotAlleles() throws IOException {
        CliRun r = assoc("regenie.tsv", "--anno-file", annoFile.toString(), "--set-list", setList.toString(),
                "--mask-def", maskDef.toString(), "--aaf-bins", "0.02,0.05", "--singleton-carrier");
        assertEquals(0, r.exit(), r.err());
        Map<String, String> regenie = rows("regenie.tsv");
        regenie.keySet().removeIf(k -> k.contains("|GENE_P|"));
        Map<String, String> reference = nativeRows("carriers");
        assertEquals(reference, regenie);
        // the hom-ALT single carriers make the two singleton rules differ
        CliRun byAlleles = assoc("alleles.tsv", "--anno-file", annoFile.toString(), "--set-list", setList.toString(),
                "--mask-def", maskDef.toString(), "--aaf-bins", "0.02,0.05");
        assertEquals(0, byAlleles.exit(), byAlleles.err());
        assertFalse(rows("alleles.tsv").equals(regenie));
    }

    @Test
    void badSetListLineIsNamed() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.setlist"), "GENE1 1 1050 1:1050:A:G\nGENE2 1 1400 rs123, 1:1400:A:G\n");
        CliRun r = assoc("bad.tsv", "--anno-file", annoFile.toString(), "--set-list", bad.toString(), "--mask-def", maskDef.toString());
        assertEquals(2, r.exit(), r.err());
        String last = r.err().strip().lines().reduce((x, y) -> y).orElse("");
        assertTrue(last.contains("bad.setlist") && last.contains("line 2") && last.contains("expected 4 columns"), last);
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("bad.tsv")));
    }

    @Test
    void regenieFilesAndAnnotationsTogetherAreRefused() {
        CliRun r = assoc("x.tsv", "--anno-file", annoFile.toString(), "--set-list", setList.toString(), "--mask-def", maskDef.toString(),
                "--annotations", nativeAnnotations.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("give one of them"), r.err());
    }
}
