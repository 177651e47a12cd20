package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rareset view}: Parquet and gzipped TSV results printed as TSV, checked against the TSV the same run wrote. */
class ViewCommandTest {
    @TempDir static Path dir;
    static Path parquet;
    static Path tsvGz;
    static List<String[]> reference = new ArrayList<>();
    static List<String> header;

    @BeforeAll
    static void results() throws Exception {
        SmallCohort cohort = new SmallCohort(dir, 60, 7);
        Random r = new Random(3);
        Path pheno = cohort.table("pheno.tsv", new String[] {"QT"}, s -> new String[] {String.format("%.4f", r.nextGaussian())});
        parquet = dir.resolve("res.parquet");
        tsvGz = dir.resolve("res.tsv.gz");
        for (Path out : List.of(parquet, tsvGz)) {
            CliRun a = run("assoc", "--vcf", cohort.vcf.toString(), "--annotations", cohort.annotations.toString(),
                    "--pheno", pheno.toString(), "--out", out.toString(), "--threads", "1", "--max-maf", "0.5", "--min-mac", "0");
            assertEquals(0, a.exit(), a.err());
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(tsvGz)), StandardCharsets.UTF_8))) {
            header = List.of(in.readLine().split("\t"));
            String line;
            while ((line = in.readLine()) != null) reference.add(line.split("\t"));
        }
    }

    static List<String> lines(CliRun r) {
        assertEquals(0, r.exit(), r.err());
        return r.out().lines().toList();
    }

    @Test
    void gzippedTsvWhereAndColumns() {
        List<String> out = lines(run("view", tsvGz.toString(), "--columns", "gene,test,pval", "--where", "test == 'skat' && pval < 0.5"));
        assertEquals("gene\ttest\tpval", out.get(0));
        List<String> expected = new ArrayList<>();
        int gene = header.indexOf("gene");
        int test = header.indexOf("test");
        int pval = header.indexOf("pval");
        for (String[] f : reference) {
            if (f[test].equals("skat") && !f[pval].equals("NA") && Double.parseDouble(f[pval]) < 0.5) {
                expected.add(f[gene] + "\t" + f[test] + "\t" + f[pval]);
            }
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, out.subList(1, out.size()));
    }

    @Test
    void parquetMatchesTheTsvRows() {
        List<String> out = lines(run("view", parquet.toString(), "--columns", "phenotype,gene,mask,test,n_variants"));
        assertEquals(reference.size() + 1, out.size());
        for (int i = 0; i < reference.size(); i++) {
            String[] f = reference.get(i);
            assertEquals(String.join("\t", f[header.indexOf("phenotype")], f[header.indexOf("gene")], f[header.indexOf("mask")],
                    f[header.indexOf("test")], f[header.indexOf("n_variants")]), out.get(i + 1));
        }
        List<String> all = lines(run("view", parquet.toString(), "--head", "3"));
        assertEquals(4, all.size());
        assertEquals(String.join("\t", header), all.get(0));
        int pval = header.indexOf("pval");
        for (int i = 0; i < 3; i++) {
            double fromParquet = Double.parseDouble(all.get(i + 1).split("\t")[pval]);
            double fromTsv = Double.parseDouble(reference.get(i)[pval]);
            assertEquals(fromTsv, fromParquet, 1e-5 * fromTsv);
        }
    }

    @Test
    void unknownColumnIsBadInput() {
        CliRun r = run("view", parquet.toString(), "--where", "nope > 1");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("nope"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        CliRun c = run("view", tsvGz.toString(), "--columns", "gene,bogus");
        assertEquals(2, c.exit(), c.err());
        assertTrue(c.err().contains("no column 'bogus'"), c.err());
    }
}
