package org.rareset.deepset.score.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.deepset.score.GeneScores;
import org.rareset.genotypes.bgen.BgenSampleFile;
import org.rareset.genotypes.bgen.BgenWriter;

/**
 * Gene impairment scores as a BGEN v1.2 file (layout 2, zlib, 8- or 16-bit probabilities) with one
 * pseudo-variant per gene, so that tools reading genotypes (REGENIE step 2 with LOCO predictions,
 * plink2) can test DeepRVAT-style scores: variant id and rsid {@code <gene>}, chromosome and
 * position from {@link GeneScoreLoci} (the gene model's midpoint), alleles {@code score} (first,
 * counted) and {@code ref} (second, the reference: REGENIE's and plink2's default "ref-last"
 * reading), and per sample the dosage 2 x score of the first allele. Beside it, {@code PREFIX.sample}
 * with {@code ID_1 = ID_2 = sample} (the ids are also stored in the file).
 *
 * <p>Scores are sigmoid means and so lie in [0, 1]; a score outside [0, 1] cannot be a dosage and
 * stops the run with one line naming the gene and sample. A dosage is read back within
 * {@link BgenWriter#maxDosageError} (0.5 / (2^bits - 1)): a score within half that.
 */
public final class GeneScoreBgenWriter implements ScoresWriter {
    /** The counted (first) and reference (second) allele of every pseudo-variant. */
    public static final String COUNTED = "score";
    public static final String REFERENCE = "ref";

    private final Path bgen;
    private final List<String> samples;
    private final Map<String, GeneScoreLoci.Locus> loci;
    private final BgenWriter writer;
    private final double[] dosage;

    private GeneScoreBgenWriter(Path bgen, List<String> samples, Map<String, GeneScoreLoci.Locus> loci, int bits) throws IOException {
        this.bgen = bgen;
        this.samples = samples;
        this.loci = loci;
        this.writer = BgenWriter.open(bgen, samples, bits);
        this.dosage = new double[samples.size()];
    }

    /**
     * Opens {@code bgen} (which must end in {@code .bgen}) for the given samples.
     *
     * @param loci each gene's chromosome and position
     * @param bits 8 or 16
     */
    public static GeneScoreBgenWriter open(Path bgen, List<String> samples, Map<String, GeneScoreLoci.Locus> loci, int bits) {
        checkTarget(bgen);
        try {
            return new GeneScoreBgenWriter(bgen, samples, loci, bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses a name that does not end in {@code .bgen}, before any work. */
    public static void checkTarget(Path bgen) {
        if (!bgen.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bgen")) {
            throw InputException.of(bgen, "a BGEN file name must end in .bgen (its .sample file is named after it)", "name it e.g. scores.bgen");
        }
    }

    /** {@code PREFIX.sample} beside {@code PREFIX.bgen}. */
    public static Path samplePath(Path bgen) {
        String name = bgen.getFileName().toString();
        boolean dotBgen = name.toLowerCase(Locale.ROOT).endsWith(".bgen");
        return bgen.resolveSibling((dotBgen ? name.substring(0, name.length() - ".bgen".length()) : name) + ".sample");
    }

    @Override
    public void write(GeneScores g) {
        GeneScoreLoci.Locus locus = loci.get(g.gene());
        if (locus == null) throw new IllegalStateException("no locus for gene " + g.gene());
        g.fill(dosage, dosage.length);
        for (int s = 0; s < dosage.length; s++) {
            double score = dosage[s];
            if (!(score >= 0 && score <= 1)) {
                throw InputException.of(bgen, String.format(Locale.ROOT, "gene %s, sample %s: score %s is outside [0, 1] and cannot be a dosage",
                        g.gene(), samples.get(s), score), "write the scores as a table (--out) instead");
            }
            dosage[s] = 2 * score;
        }
        try {
            writer.write(g.gene(), locus.chrom(), locus.pos(), COUNTED, REFERENCE, dosage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void commit() {
        try {
            BgenSampleFile.write(samplePath(bgen), samples);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pseudo-variants written. */
    public long genes() {
        return writer.variants();
    }

    @Override
    public void close() {
        writer.close();
    }
}
