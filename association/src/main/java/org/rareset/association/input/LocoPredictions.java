package org.rareset.association.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;
import org.rareset.core.table.TableFiles;
import org.rareset.core.table.TextTable;

/**
 * REGENIE step-1 leave-one-chromosome-out predictions, used as null-model offsets so that related
 * and structured cohorts can be analysed (REGENIE step 2's {@code --pred}).
 *
 * <p>The list file ({@code *_pred.list}) has one line {@code phenotype path} per trait; each path
 * is a prediction file (optionally gzipped) whose header is {@code FID_IID} followed by the samples
 * as {@code FID_IID}, with one row per chromosome: the chromosome number then one prediction per
 * sample (the linear predictor: trait scale for quantitative traits, logit scale for binary ones).
 * Chromosome X is 23 in REGENIE's numbering.
 */
public final class LocoPredictions {
    private final String source;
    private final Map<String, Integer> sampleColumn;
    private final Map<String, double[]> byChromosome;

    private LocoPredictions(String source, Map<String, Integer> sampleColumn, Map<String, double[]> byChromosome) {
        this.source = source;
        this.sampleColumn = sampleColumn;
        this.byChromosome = byChromosome;
    }

    /** Reads a {@code _pred.list}: trait name to its predictions, relative paths resolved beside the list. */
    public static Map<String, LocoPredictions> readList(Path list) {
        List<String> lines = org.rareset.core.table.TextInput.readLines(list);
        Map<String, LocoPredictions> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\\s+");
            if (f.length != 2) throw InputException.atLine(list, i + 1, "expected 'phenotype path'", "the _pred.list REGENIE step 1 writes");
            Path p = Path.of(f[1]);
            if (!p.isAbsolute() && !Files.exists(p)) p = list.toAbsolutePath().getParent().resolve(p);
            out.put(f[0], read(p));
        }
        return out;
    }

    public static LocoPredictions read(Path file) {
        TextTable t = TableFiles.read(file);
        if (!t.columns().get(0).equalsIgnoreCase("FID_IID")) {
            throw new InputException(t.source(), "line 1", "header starts with '" + t.columns().get(0) + "', not FID_IID",
                    "give a REGENIE step-1 LOCO prediction file");
        }
        Map<String, Integer> samples = new HashMap<>();
        for (int c = 1; c < t.columns().size(); c++) samples.put(t.columns().get(c), c - 1);
        Map<String, double[]> byChrom = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            double[] v = new double[t.columns().size() - 1];
            for (int c = 1; c < t.columns().size(); c++) {
                String cell = t.cell(r, c);
                try {
                    v[c - 1] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    v[c - 1] = Double.NaN;
                }
                if (!Double.isFinite(v[c - 1])) {
                    throw new InputException(t.source(), "line " + t.line(r), "prediction '" + cell + "' for sample "
                            + t.columns().get(c) + " is not a finite number", "rerun REGENIE step 1");
                }
            }
            byChrom.put(chromosomeKey(t.cell(r, 0)), v);
        }
        return new LocoPredictions(t.source(), samples, byChrom);
    }

    /** REGENIE numbers chromosomes 1..22, X = 23 (Y 24, MT 25). */
    static String chromosomeKey(String chrom) {
        String c = Contigs.canonical(chrom).toUpperCase(java.util.Locale.ROOT);
        switch (c) {
            case "X": return "23";
            case "Y": return "24";
            case "M": case "MT": return "25";
            default: return c.replaceFirst("^0+(?=\\d)", "");
        }
    }

    /**
     * The offset for each analysed sample of {@code trait} when testing genes on {@code chrom}.
     *
     * @throws InputException when a sample or the chromosome is absent from the predictions
     */
    public double[] offsets(TraitData trait, String chrom) {
        double[] v = byChromosome.get(chromosomeKey(chrom));
        if (v == null) {
            throw new InputException(source, null, "no prediction row for chromosome " + chrom,
                    "run REGENIE step 1 on every chromosome with genes to test");
        }
        double[] out = new double[trait.sampleCount()];
        for (int i = 0; i < out.length; i++) {
            Integer c = sampleColumn.get(trait.fidIids().get(i));
            if (c == null) c = sampleColumn.get(trait.sampleIds().get(i) + "_" + trait.sampleIds().get(i));
            if (c == null) {
                throw new InputException(source, "line 1", "no prediction for sample '" + trait.fidIids().get(i) + "' (FID_IID)",
                        "use the same samples and FID/IID as in REGENIE step 1");
            }
            out[i] = v[c];
        }
        return out;
    }
}
