package org.rareset.simulate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rareset.annotate.DerivedColumns;
import org.rareset.core.formats.AnnotationTableFile;
import org.rareset.core.table.Column;

/**
 * annotations.tsv: one row per (ALT allele, gene), {@link AnnotationTableFile#SHORT_KEY} then the
 * annotation columns under DeepRVAT's names, and the cohort frequencies DeepRVAT derives:
 * AF = ALT allele count / (2 x called samples), MAF = min(AF, 1 - AF),
 * MAF_MB = (AF (1 - AF) + 1e-8)^-0.5.
 */
final class AnnotationTableWriter implements Closeable {
    static final List<String> SCORE_COLUMNS = List.of("CADD_PHRED", "CADD_raw", "sift_score", "polyphen_score",
            "SpliceAI_delta_score", "alphamissense", "AbSplice_DNA", "PrimateAI_score", "condel_score");

    private final BufferedWriter w;
    private final List<SimGene> genes;
    private long rows;

    AnnotationTableWriter(Path file, List<SimGene> genes) throws IOException {
        this.genes = genes;
        this.w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write(String.join("\t", columns()));
        w.write('\n');
    }

    static List<String> columns() {
        List<String> c = new ArrayList<>(AnnotationTableFile.SHORT_KEY.stream().map(Column::name).toList());
        c.add("is_plof");
        for (Consequence q : Consequence.values()) c.add(q.column());
        c.addAll(SCORE_COLUMNS);
        c.add("MAF");
        c.add("MAF_MB");
        return c;
    }

    void write(SimSite site, GenotypeSampler g) throws IOException {
        for (int a = 1; a <= site.alts().length; a++) {
            AlleleAnnotation x = site.annotations()[a - 1];
            double af = g.alleleNumber == 0 ? 0 : (double) g.alleleCount[a] / g.alleleNumber;
            double maf = DerivedColumns.maf(af);
            double mafMb = DerivedColumns.mafMb(af);
            StringBuilder tail = new StringBuilder(192);
            tail.append(x.isPlof() ? 1 : 0);
            for (Consequence q : Consequence.values()) tail.append('\t').append(x.has(q) ? 1 : 0);
            tail.append(String.format(Locale.ROOT, "\t%.3f\t%.4f\t%.3f\t%.3f\t%.2f\t%.4f\t%.3f\t%.4f\t%.3f\t%.8g\t%.8g",
                    x.caddPhred(), x.caddRaw(), x.sift(), x.polyphen(), x.spliceAi(), x.alphaMissense(), x.abSplice(),
                    x.primateAi(), x.condel(), maf, mafMb));
            String head = site.chrom() + "\t" + site.pos() + "\t" + site.ref() + "\t" + site.alts()[a - 1] + "\t";
            for (int gene : site.genes()) {
                w.write(head);
                w.write(genes.get(gene).id());
                w.write('\t');
                w.write(tail.toString());
                w.write('\n');
                rows++;
            }
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        w.close();
    }
}
