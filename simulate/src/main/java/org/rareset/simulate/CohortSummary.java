package org.rareset.simulate;

import htsjdk.samtools.util.CloseableIterator;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.core.formats.SampleTable;
import org.rareset.core.formats.SampleTableFile;
import org.rareset.core.table.MissingValues;

/**
 * A look at a cohort folder as {@code rareset simulate} writes it: samples, VCF records, genes,
 * annotation rows, traits (with cases for binary ones) and the causal genes of truth.tsv.
 *
 * @param binaryCases cases per binary trait (traits whose values are all 0/1)
 * @param causalGenes causal gene ids per trait, from truth.tsv (empty when there is none)
 */
public record CohortSummary(Path folder, int samples, long records, int genes, long annotationRows,
                            List<String> traits, Map<String, Integer> binaryCases,
                            Map<String, List<String>> causalGenes) {

    public static CohortSummary read(Path folder) {
        Path vcf = folder.resolve(SimulationSummary.VCF);
        for (String name : List.of(SimulationSummary.VCF, SimulationSummary.GENES, SimulationSummary.ANNOTATIONS,
                SimulationSummary.PHENOTYPES)) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                throw InputException.of(folder.resolve(name), "missing", "a cohort folder holds the files rareset simulate writes");
            }
        }
        try {
            int samples;
            long records = 0;
            try (VCFFileReader r = new VCFFileReader(vcf, false); CloseableIterator<VariantContext> it = r.iterator()) {
                samples = r.getFileHeader().getNGenotypeSamples();
                while (it.hasNext()) {
                    it.next();
                    records++;
                }
            }
            int genes = (int) dataLines(folder.resolve(SimulationSummary.GENES));
            long rows = dataLines(folder.resolve(SimulationSummary.ANNOTATIONS));
            List<String> traits = new ArrayList<>();
            Map<String, Integer> cases = new LinkedHashMap<>();
            readTraits(folder.resolve(SimulationSummary.PHENOTYPES), traits, cases);
            Map<String, List<String>> causal = new LinkedHashMap<>();
            Path truth = folder.resolve(SimulationSummary.TRUTH);
            if (Files.isRegularFile(truth)) {
                List<String> lines = Files.readAllLines(truth);
                for (String l : lines.subList(1, lines.size())) {
                    String[] f = l.split("\t");
                    causal.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
                }
            }
            return new CohortSummary(folder, samples, records, genes, rows, List.copyOf(traits), cases, causal);
        } catch (IOException e) {
            throw InputException.of(folder, "cannot read the cohort: " + e.getMessage(), "check the folder's files");
        }
    }

    /** Lines that are neither a header ({@code #...} or the first line of a TSV) nor empty. */
    private static long dataLines(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file)) {
            return r.lines().skip(1).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
        }
    }

    /** Trait names in file order; for a trait whose values are all 0 or 1, its number of 1s. */
    private static void readTraits(Path pheno, List<String> traits, Map<String, Integer> cases) {
        SampleTable t = SampleTableFile.read(pheno, MissingValues.defaults(), null);
        for (int c = 0; c < t.columns().size(); c++) {
            int ones = 0;
            boolean binary = true;
            for (int r = 0; r < t.sampleCount() && binary; r++) {
                double v = t.value(c, r);
                if (v == 1) ones++;
                else if (v != 0) binary = false; // a missing value too (NaN), as the text reading had it
            }
            traits.add(t.columns().get(c));
            if (binary) cases.put(t.columns().get(c), ones);
        }
    }

    /** A few lines for a terminal. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add(String.format(java.util.Locale.ROOT, "Cohort %s: %,d samples, %,d variant records, %,d genes, %,d annotation rows",
                folder, samples, records, genes, annotationRows));
        StringBuilder t = new StringBuilder("Traits:");
        for (String trait : traits) {
            t.append(' ').append(trait);
            if (binaryCases.containsKey(trait)) t.append(" (binary, ").append(binaryCases.get(trait)).append(" cases)");
            else t.append(" (quantitative)");
            t.append(trait.equals(traits.get(traits.size() - 1)) ? "" : ",");
        }
        out.add(t.toString());
        causalGenes.forEach((trait, g) -> out.add("Causal genes of " + trait + " (truth.tsv): " + String.join(", ", g)));
        return out;
    }
}
