package org.rareset.annotate.annotation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rareset.annotate.vcf.Variant;

/**
 * A source read through a {@link SortedCursor}; matches exactly, then on minimal representation.
 * Alleles match whatever their case (the store upper-cases them; some tables keep soft-masked
 * lower-case bases).
 */
abstract class CursorSource implements AnnotationSource {
    protected final Path file;
    private final SortedCursor cursor;

    CursorSource(Path file, RecordStream stream) {
        this.file = file;
        this.cursor = new SortedCursor(file, stream);
    }

    /** The match for one record's payload. */
    protected abstract Match toMatch(Object payload);

    /** Several records for one variant (e.g. one per transcript); by default the first counts. */
    protected Match toMatch(List<Object> payloads) {
        return toMatch(payloads.get(0));
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
                if (Alleles.minimal(r.pos(), r.ref(), r.alt()).equals(want)) found.add(r.payload());
            }
        }
        if (found.isEmpty()) return null;
        return found.size() == 1 ? toMatch(found.get(0)) : toMatch(found);
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
