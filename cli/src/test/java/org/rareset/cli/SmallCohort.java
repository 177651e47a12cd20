package org.rareset.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * A small random cohort for command tests: a plain-text VCF of {@code n} samples with rare
 * variants in three genes on contig {@code chr1}, annotations on contig {@code 1} (so the
 * 1/chr1 reconciliation is exercised), and phenotype/covariate tables written by the caller.
 */
final class SmallCohort {
    static final int GENES = 3;
    static final int VARIANTS_PER_GENE = 4;

    final Path dir;
    final int n;
    final Path vcf;
    final Path annotations;

    SmallCohort(Path dir, int n, long seed) throws IOException {
        this.dir = dir;
        this.n = n;
        Random rnd = new Random(seed);
        StringBuilder v = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=chr1,length=1000000>\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        for (int s = 0; s < n; s++) v.append('\t').append(sample(s));
        v.append('\n');
        StringBuilder a = new StringBuilder("chrom\tpos\tref\talt\tgene\tis_plof\tCADD_PHRED\n");
        int pos = 1000;
        for (int g = 0; g < GENES; g++) {
            for (int j = 0; j < VARIANTS_PER_GENE; j++) {
                pos += 100;
                v.append("chr1\t").append(pos).append("\t.\tA\tG\t.\tPASS\t.\tGT");
                for (int s = 0; s < n; s++) v.append('\t').append(rnd.nextDouble() < 0.06 ? "0/1" : "0/0");
                v.append('\n');
                a.append("1\t").append(pos).append("\tA\tG\tGENE").append(g + 1).append('\t').append(j == 0 ? 1 : 0)
                        .append('\t').append(10 + 5 * j).append('\n');
            }
        }
        vcf = Files.writeString(dir.resolve("cohort.vcf"), v.toString());
        annotations = Files.writeString(dir.resolve("annotations.tsv"), a.toString());
    }

    static String sample(int s) {
        return String.format("S%03d", s + 1);
    }

    /** Writes a {@code sample} table with one column per name, values from {@code value.apply(sample)[column]}. */
    Path table(String file, String[] columns, IntFunction<String[]> value) throws IOException {
        StringBuilder sb = new StringBuilder("sample\t" + String.join("\t", columns) + "\n");
        for (int s = 0; s < n; s++) sb.append(sample(s)).append('\t').append(String.join("\t", value.apply(s))).append('\n');
        return Files.writeString(dir.resolve(file), sb.toString());
    }
}
