package org.rareset.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;
import org.rareset.core.table.NonFinite;

/**
 * Numeric INFO fields of any VCF (gnomAD AF, a precomputed score...). {@code Number=A} fields
 * give each ALT its own value; other fields give every ALT the first value.
 */
public final class VcfInfoSource extends CursorSource {
    private final String label;
    private final List<String> outputs;

    private final ScoreCells cells;

    private VcfInfoSource(Path file, RecordStream stream, List<String> outputs, ScoreCells cells) {
        super(file, stream);
        this.label = "INFO (" + file.getFileName() + ")";
        this.outputs = outputs;
        this.cells = cells;
    }

    /** @param fields INFO id to output column name */
    public static VcfInfoSource open(Path file, Map<String, String> fields) {
        return open(file, fields, NonFinite.ERROR);
    }

    /**
     * As {@link #open(Path, Map)}, with NaN/Inf values read by {@code nonFinite}; a value that is
     * not a number is an error naming the record.
     */
    public static VcfInfoSource open(Path file, Map<String, String> fields, NonFinite nonFinite) {
        ScoreCells cells = new ScoreCells(file, nonFinite);
        if (fields.isEmpty()) throw InputException.of(file, "no INFO fields named", "e.g. file.vcf.gz:AF=gnomad_af");
        Map<String, VcfText.InfoField> info = VcfText.infoFields(file);
        List<String> ids = new ArrayList<>(fields.keySet());
        boolean[] perAllele = new boolean[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            VcfText.InfoField f = info.get(ids.get(i));
            if (f == null) {
                throw InputException.of(file, "no INFO field '" + ids.get(i) + "' in the header",
                        "INFO fields: " + String.join(", ", info.keySet()));
            }
            if (!f.type().equals("Float") && !f.type().equals("Integer")) {
                throw InputException.of(file, "INFO field '" + ids.get(i) + "' is " + f.type() + ", not numeric",
                        "only Float and Integer fields can be columns");
            }
            perAllele[i] = f.number().equals("A");
        }
        LineParser parser = (String line, String location, Consumer<KeyedRecord> out) -> {
            String[] f = VcfText.fixedColumns(line);
            if (f == null) throw new InputException(file.toString(), location, "fewer than 8 VCF columns", null);
            String chrom = Contigs.canonical(f[0]);
            int pos = VcfText.position(file, location, f[1]);
            String[] alts = f[4].split(",");
            double[][] values = new double[alts.length][ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                String raw = VcfText.info(f[7], ids.get(i));
                String[] parts = raw == null ? new String[0] : raw.split(",");
                for (int k = 0; k < alts.length; k++) {
                    int j = perAllele[i] ? k : 0;
                    values[k][i] = j < parts.length ? cells.parse(parts[j], location, ids.get(i)) : Double.NaN;
                }
            }
            for (int k = 0; k < alts.length; k++) out.accept(new KeyedRecord(chrom, pos, f[3], alts[k], values[k]));
        };
        return new VcfInfoSource(file, VcfText.records(file, parser), new ArrayList<>(fields.values()), cells);
    }

    @Override
    public List<String> notes() {
        List<String> out = new ArrayList<>(super.notes());
        if (cells.nonFinite() > 0) {
            out.add(label + ": " + cells.nonFinite() + " NaN/Inf value(s) read as missing (" + NonFinite.OPTION + " missing)");
        }
        return out;
    }

    @Override public String name() { return label; }
    @Override public List<String> columns() { return outputs; }

    @Override
    protected Match toMatch(Object payload) {
        return constant((double[]) payload);
    }
}
