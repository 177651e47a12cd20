package org.rareset.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rareset.core.table.DuplicateRows;
import org.rareset.genotypes.vcf.Variant;

/**
 * A source read through a {@link SortedCursor}; matches exactly, then on minimal representation.
 * Alleles compare ignoring case: a table may keep soft-masked lower-case bases ({@code a>g})
 * whatever case the cohort is stored in.
 */
public abstract class CursorSource implements AnnotationSource {
    protected final Path file;
    private final SortedCursor cursor;
    /** For sources with one value set per variant: how repeated records of a variant that differ are resolved. */
    private DuplicateRows duplicates = DuplicateRows.ERROR;
    private long identicalRepeats;
    private long resolvedRepeats;

    CursorSource(Path file, RecordStream stream) {
        this.file = file;
        this.cursor = new SortedCursor(file, stream);
    }

    /** The match for one record's payload. */
    protected abstract Match toMatch(Object payload);

    /**
     * Several records for one variant. By default the payloads are per-variant values
     * ({@code double[]}, one per column): identical repeats count once, differing ones follow the
     * {@link DuplicateRows} rule. Sources whose records are parts of one answer (VEP's transcripts)
     * override this to combine them.
     */
    protected Match toMatch(List<Object> payloads, Variant v) {
        double[] kept = ((double[]) payloads.get(0)).clone();
        boolean differ = false;
        for (int i = 1; i < payloads.size(); i++) {
            double[] other = (double[]) payloads.get(i);
            if (java.util.Arrays.equals(kept, other)) {
                identicalRepeats++;
                continue;
            }
            int c = 0;
            while (Double.compare(kept[c], other[c]) == 0) c++;
            if (duplicates == DuplicateRows.ERROR) {
                throw DuplicateRows.conflict(file.toString(), "variant " + v.chrom() + ":" + v.pos() + ":" + v.ref() + ":" + v.alt(),
                        null, "another record", columns().get(c) + " " + shown(kept[c]) + " vs " + shown(other[c]));
            }
            for (int k = 0; k < kept.length; k++) kept[k] = duplicates.merge(kept[k], other[k]);
            differ = true;
        }
        if (differ) resolvedRepeats++;
        return constant(kept);
    }

    private static String shown(double x) {
        return Double.isNaN(x) ? "missing" : Double.toString(x);
    }

    /** How repeated records of one variant that differ are resolved (default: an error). */
    public void duplicateRows(DuplicateRows rule) {
        this.duplicates = rule;
    }

    @Override
    public List<String> notes() {
        if (identicalRepeats == 0 && resolvedRepeats == 0) return List.of();
        return List.of(name() + ": " + identicalRepeats + " repeated identical record(s) of a variant merged"
                + (resolvedRepeats > 0 ? "; " + resolvedRepeats + " variant(s) with differing records resolved by "
                + DuplicateRows.OPTION + " " + duplicates.optionValue() : ""));
    }

    @Override
    public Match lookup(Variant v, String chrom) {
        List<KeyedRecord> here = cursor.at(chrom, v.pos());
        if (here.isEmpty()) return null;
        if (here.size() == 1) {
            // The usual case, one record at the position: no list needed.
            KeyedRecord r = here.get(0);
            if (r.ref().equalsIgnoreCase(v.ref()) && r.alt().equalsIgnoreCase(v.alt())) return toMatch(r.payload());
        }
        List<Object> found = new ArrayList<>(2);
        for (KeyedRecord r : here) {
            if (r.ref().equalsIgnoreCase(v.ref()) && r.alt().equalsIgnoreCase(v.alt())) found.add(r.payload());
        }
        if (found.isEmpty()) {
            String want = Alleles.minimal(v.pos(), v.ref(), v.alt());
            for (KeyedRecord r : here) {
                if (Alleles.minimal(r.pos(), r.ref(), r.alt()).equalsIgnoreCase(want)) found.add(r.payload());
            }
        }
        if (found.isEmpty()) return null;
        return found.size() == 1 ? toMatch(found.get(0)) : toMatch(found, v);
    }

    @Override
    public String exampleKey() {
        KeyedRecord r = cursor.firstRecord();
        return r == null ? "(no records)" : r.key();
    }

    @Override
    public void close() {
        cursor.close();
    }

    /** Variant-level values, the same for every gene. */
    static Match constant(double[] values) {
        return (gene, out, offset) -> System.arraycopy(values, 0, out, offset, values.length);
    }

    static double parseNumber(String s) {
        if (s == null || s.isEmpty() || s.equals(".") || s.equals("NA") || s.equals("-")) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
