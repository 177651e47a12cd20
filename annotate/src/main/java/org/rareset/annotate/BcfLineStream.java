package org.rareset.annotate;

import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.VariantContext;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;
import org.rareset.genotypes.vcf.BcfReader;

/**
 * The records of an annotation BCF (VEP, snpEff or SpliceAI output converted with
 * {@code bcftools view -Ob}) as the text lines of the same VCF, so that one {@link LineParser}
 * reads both: CHROM, POS, REF, ALT and the INFO fields (string values as written, lists joined
 * by commas, flags bare). QUAL, FILTER and ID are not needed by annotation sources and are
 * written {@code .}. Read in file order; no index jumps.
 */
final class BcfLineStream implements RecordStream {
    private final Path file;
    private final LineParser parser;
    private final ArrayDeque<KeyedRecord> pending = new ArrayDeque<>(4);
    private BcfReader reader;
    private long record;

    BcfLineStream(Path file, LineParser parser) {
        this.file = file;
        this.parser = parser;
        restart();
    }

    @Override
    public KeyedRecord next() {
        while (pending.isEmpty()) {
            VariantContext vc;
            try {
                if (!reader.hasNext()) return null;
                vc = reader.next();
            } catch (RuntimeException e) {
                throw new InputException(file.toString(), "record " + (record + 1), "cannot read the BCF: " + e.getMessage(),
                        "check it with 'bcftools view " + file.getFileName() + "'", e);
            }
            record++;
            parser.parse(line(vc), location(), pending::add);
        }
        return pending.poll();
    }

    /** The 8 fixed VCF columns of a BCF record. */
    static String line(VariantContext vc) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(vc.getContig()).append('\t').append(vc.getStart()).append("\t.\t")
                .append(vc.getReference().getDisplayString()).append('\t');
        List<Allele> alts = vc.getAlternateAlleles();
        if (alts.isEmpty()) sb.append('.');
        for (int i = 0; i < alts.size(); i++) sb.append(i == 0 ? "" : ",").append(alts.get(i).getDisplayString());
        sb.append("\t.\t.\t");
        boolean first = true;
        for (Map.Entry<String, Object> e : vc.getAttributes().entrySet()) {
            if (!first) sb.append(';');
            first = false;
            sb.append(e.getKey());
            Object v = e.getValue();
            if (v instanceof Boolean) continue;
            sb.append('=');
            if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) sb.append(i == 0 ? "" : ",").append(text(list.get(i)));
            } else {
                sb.append(text(v));
            }
        }
        if (first) sb.append('.');
        return sb.toString();
    }

    /** BCF floats are 32-bit: their shortest text is the float's, not the widened double's (0.3, not 0.30000001192092896). */
    private static String text(Object v) {
        return v instanceof Double d ? Float.toString(d.floatValue()) : String.valueOf(v);
    }

    @Override public boolean canSeek() { return false; }
    @Override public void seek(String chrom, int pos) { throw new UnsupportedOperationException(); }

    @Override
    public void restart() {
        if (reader != null) reader.close();
        pending.clear();
        record = 0;
        try {
            reader = new BcfReader(file);
        } catch (RuntimeException e) {
            throw InputException.of(file, "cannot read as BCF: " + e.getMessage(), "check it with 'bcftools view -h'");
        }
    }

    @Override
    public String location() {
        return "record " + record;
    }

    @Override
    public void close() {
        reader.close();
    }
}
