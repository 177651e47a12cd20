package org.rareset.genotypes.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.rareset.core.InputException;
import org.rareset.genotypes.vcf.AlleleKind;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfReadOptions;

/**
 * Real files: every VCF/BCF with genotypes in Debian's {@code htslib-test} package (the test data
 * of htslib itself, {@code /usr/share/htslib-test}) is ingested into a store, and each stored
 * variant's AC, AN and ALT carriers are compared with the alleles and per-sample GT that
 * {@code bcftools query} reads, split per ALT allele as {@code bcftools norm -m-} splits and counted
 * as {@code +fill-tags -t AC,AN} counts (those two refuse some of these files: undeclared contigs,
 * INFO/AC of the wrong length). Symbolic,
 * spanning-deletion and breakend alleles, which rareset leaves out by default, are left out of the
 * bcftools side as well. Files rareset refuses on purpose are listed in {@link #EXPECTED_BAD} with
 * the reason; any other refusal, or any difference, fails.
 *
 * <p>Needs {@code htslib-test} and {@code bcftools} (installed by {@code .ci/run}); skipped without
 * them, except where {@code RARESET_REQUIRE_CI_TOOLS} is set (CI), where their absence fails.
 */
@Tag("slow")
class HtslibTestDataTest {
    static final Path ROOT = Path.of(System.getProperty("rareset.htslib.test", "/usr/share/htslib-test"));

    /** Files rareset refuses, relative to {@link #ROOT}, with why the refusal is right. */
    static final Map<String, String> EXPECTED_BAD = Map.of(
            "test/longrefs/index.vcf", "POS 10,009,999,919 (htslib's test of references longer than 2^31): rareset stores "
                    + "32-bit positions, as the BCF format does, and says the POS is too large",
            "test/noroundtrip-out.vcf", "FORMAT GT:GT with GT '2,4' naming allele 2 of a biallelic record (htslib's output "
                    + "for records that cannot round-trip): refused as a GT naming an allele the record does not have");

    @TempDir Path dir;

    @Test
    void everyFileWithGenotypesMatchesBcftools() throws Exception {
        boolean required = System.getenv("RARESET_REQUIRE_CI_TOOLS") != null;
        boolean have = Files.isDirectory(ROOT) && onPath("bcftools");
        if (!have && required) fail("htslib-test (" + ROOT + ") and bcftools are required here (RARESET_REQUIRE_CI_TOOLS)");
        assumeTrue(have, "needs Debian's htslib-test and bcftools");

        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(vcf|vcf\\.gz|bcf)$")).sorted().toList();
        }
        int compared = 0;
        long variants = 0;
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            String rel = ROOT.relativize(f).toString();
            List<String> samples = lines(bcftools("query", "-l", f.toString()));
            String header = bcftools("view", "-h", f.toString());
            // Files with genotypes: samples and a GT FORMAT line (others, e.g. PL-only mpileup output, have none).
            if (samples == null || samples.isEmpty() || header == null || !header.contains("##FORMAT=<ID=GT,")) continue;
            Path store = dir.resolve(compared + ".rsg");
            try {
                IngestEngine.run(List.of(f), VcfReadOptions.all(), 1, store, new VariantFilters(1, 0, null), null);
            } catch (InputException e) {
                if (!EXPECTED_BAD.containsKey(rel)) problems.add(rel + ": refused: " + e.getMessage());
                continue;
            }
            if (EXPECTED_BAD.containsKey(rel)) problems.add(rel + ": listed as expected-bad but ingested");
            Map<String, String[]> ref = reference(f);
            Map<String, Variant> got = new LinkedHashMap<>();
            try (GenotypeStore gs = GenotypeStore.open(store)) {
                for (Variant v : gs) got.put(v.key(), v);
            }
            if (!ref.keySet().equals(got.keySet())) {
                problems.add(rel + ": variants differ: bcftools " + brief(ref.keySet()) + " vs rareset " + brief(got.keySet()));
                continue;
            }
            for (Map.Entry<String, String[]> e : ref.entrySet()) {
                String[] r = e.getValue();
                Variant v = got.get(e.getKey());
                String[] gts = r[2].split("\t", -1);
                byte[] ploidy = new byte[gts.length];
                List<Integer> carriers = new ArrayList<>();
                for (int s = 0; s < gts.length; s++) {
                    int copies = 0;
                    for (String a : gts[s].split("[/|]")) {
                        if (a.equals(".") || a.isEmpty()) continue;
                        ploidy[s]++;
                        if (a.equals("1")) copies++;
                    }
                    if (copies > 0) carriers.add(s);
                }
                double[] d = v.altDosages(gts.length, ploidy);
                List<Integer> ours = new ArrayList<>();
                for (int s = 0; s < d.length; s++) if (d[s] > 0) ours.add(s);
                String want = "AC " + r[0] + " AN " + r[1] + " carriers " + carriers;
                String have2 = "AC " + v.alleleCount() + " AN " + v.alleleNumber() + " carriers " + ours;
                if (!want.equals(have2)) problems.add(rel + " " + e.getKey() + ": bcftools " + want + ", rareset " + have2);
                variants++;
            }
            compared++;
        }
        System.out.printf("htslib-test: %d files with genotypes compared, %d variants, %d expected-bad%n", compared, variants, EXPECTED_BAD.size());
        assertEquals(List.of(), problems);
        assertTrue(compared >= 5, "only " + compared + " files compared");
    }

    /**
     * key -> {AC, AN, GTs} for each ALT allele of a sequence kind, from the alleles and GTs
     * {@code bcftools query} reads: AC counts copies of the allele, AN the called alleles (as
     * {@code +fill-tags}), and the GTs are rewritten as after {@code norm -m-} (the allele is 1,
     * every other called allele 0), so carriers are the samples with a 1.
     */
    private Map<String, String[]> reference(Path f) throws IOException, InterruptedException {
        String out = bcftools("query", "-f", "%CHROM\\t%POS\\t%REF\\t%ALT[\\t%GT]\\n", f.toString());
        if (out == null) throw new AssertionError("bcftools query cannot read " + f);
        Map<String, String[]> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) continue;
            String[] c = line.split("\t", -1);
            String[] alts = c[3].split(",");
            for (int k = 1; k <= alts.length; k++) {
                String alt = alts[k - 1].toUpperCase(java.util.Locale.ROOT);
                if (alt.equals(".") || AlleleKind.of(alt) != AlleleKind.SEQUENCE) continue;
                int ac = 0;
                int an = 0;
                StringBuilder gts = new StringBuilder();
                for (int s = 4; s < c.length; s++) {
                    if (s > 4) gts.append('\t');
                    String[] alleles = c[s].split("[/|]");
                    for (int i = 0; i < alleles.length; i++) {
                        if (i > 0) gts.append('/');
                        String a = alleles[i];
                        if (a.equals(".") || a.isEmpty()) {
                            gts.append('.');
                            continue;
                        }
                        an++;
                        boolean isK = Integer.parseInt(a) == k;
                        if (isK) ac++;
                        gts.append(isK ? '1' : '0');
                    }
                }
                m.put(c[0] + ":" + c[1] + ":" + c[2].toUpperCase(java.util.Locale.ROOT) + ":" + alt,
                        new String[] {Integer.toString(ac), Integer.toString(an), gts.toString()});
            }
        }
        return m;
    }

    private static String brief(java.util.Set<String> keys) {
        List<String> l = new ArrayList<>(keys);
        return l.size() <= 8 ? l.toString() : l.subList(0, 8) + " ... (" + l.size() + ")";
    }

    private static String bcftools(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bcftools"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : null;
    }

    private static List<String> lines(String s) {
        return s == null ? null : s.lines().filter(l -> !l.isEmpty()).toList();
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
