package org.rareset.genotypes.vcf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rareset.core.InputException;
import org.rareset.core.bgzf.BgzfLineSource;

/**
 * Decodes one VCF data line straight from bytes: the site columns into strings, and GT into
 * {@link RecordCalls} without building genotype objects. Homozygous-reference diploid calls
 * ({@code 0/0}, {@code 0|0}), the bulk of a rare-variant VCF, are recognised with one 4-byte
 * comparison.
 *
 * <p>As htslib does, a record with only the 8 site columns (no FORMAT, as structural-variant
 * callers such as Manta write for some sites) reads every sample as missing, and GT may be any
 * FORMAT key, not only the first. A record with some but not all sample columns is an error, as
 * in htslib: it is more likely a damaged line than a convention. Half-missing calls ({@code 1/.}) are
 * handed to {@link RecordCalls#halfCall}.
 */
final class VcfLineDecoder {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int HOM_REF_UNPHASED_TAB = '0' | '/' << 8 | '0' << 16 | '\t' << 24;
    private static final int HOM_REF_PHASED_TAB = '0' | '|' << 8 | '0' << 16 | '\t' << 24;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HOM_REF_PAIR = (HOM_REF_UNPHASED_TAB & 0xFFFFFFFFL) | (long) HOM_REF_UNPHASED_TAB << 32;
    private static final long HOM_REF_PHASED_PAIR = (HOM_REF_PHASED_TAB & 0xFFFFFFFFL) | (long) HOM_REF_PHASED_TAB << 32;
    private static final int MAX_PLOIDY = 8;

    private final Path file;
    private final int columns;
    private SampleSelection selection;
    private final int[] alleles = new int[MAX_PLOIDY];

    private byte[] b;
    private int end;
    private String location;
    private String chrom = "";
    private int pos;
    private String id;
    private String ref;
    private List<String> alts;
    private boolean passes;
    private int formatStart;
    private int formatEnd;
    /** The record has only the 8 site columns. */
    private boolean noFormat;
    private boolean sitesOnly;

    VcfLineDecoder(Path file, int columns) {
        this.file = file;
        this.columns = columns;
    }

    void select(SampleSelection selection) {
        this.selection = selection;
    }

    /** Reads the site columns of {@code b[start, end)}. {@code location} names the line in messages. */
    void site(byte[] buf, int start, int lineEnd, String where) {
        this.b = buf;
        this.end = lineEnd;
        this.location = where;
        int[] tabs = new int[9];
        int t = 0;
        for (int i = start; i < lineEnd && t < 9; i++) if (buf[i] == '\t') tabs[t++] = i;
        if (t < 7) {
            throw error("record has " + (t + 1) + " tab-separated column" + (t == 0 ? "" : "s") + ", a VCF record needs at least 8",
                    "check that columns are separated by tabs, not spaces");
        }
        // A sites-only VCF (no sample in the header, accepted where only sites are read) has the 8 site
        // columns and perhaps an empty FORMAT; a record with only those columns under a header with
        // samples is a short record, read as all missing as htslib does.
        sitesOnly = columns == 0;
        noFormat = t == 7 && !sitesOnly;
        chrom = sameAs(chrom, buf, start, tabs[0]);
        pos = parsePos(buf, tabs[0] + 1, tabs[1]);
        id = str(tabs[1] + 1, tabs[2]);
        ref = upper(tabs[2] + 1, tabs[3]);
        if (ref.isEmpty()) throw error("REF is empty", "fix the record");
        alts = splitAlts(tabs[3] + 1, tabs[4]);
        passes = isPass(tabs[5] + 1, tabs[6]);
        formatStart = noFormat ? lineEnd : sitesOnly ? -1 : tabs[7] + 1;
        formatEnd = noFormat ? lineEnd : sitesOnly ? -1 : tabs[8];
    }

    String chrom() { return chrom; }
    int pos() { return pos; }
    String id() { return id; }
    String ref() { return ref; }
    List<String> alts() { return alts; }
    boolean passes() { return passes; }
    String location() { return location; }

    /** Decodes GT of every kept sample; other FORMAT fields are skipped. */
    void genotypes(RecordCalls calls) {
        int nAlt = alts.size();
        calls.reset(nAlt);
        if (sitesOnly) return; // no samples: no calls
        if (noFormat) {
            // No FORMAT column: htslib reads every sample as missing.
            calls.shortRecord = true;
            missingFrom(0, calls);
            return;
        }
        int gtIndex = gtKeyIndex();
        boolean gtOnly = formatEnd - formatStart == 2;
        if (gtIndex < 0) {
            throw error("record has no GT field in FORMAT", "rareset needs genotypes: give a VCF with GT for every sample");
        }
        if (gtIndex > 0) calls.gtNotFirst = true;
        byte[] buf = b;
        int p = formatEnd + 1;
        int col = 0;
        int nCols = columns;
        boolean keepAll = selection.keepsAll();
        if (gtOnly && keepAll) {
            // Runs of 0/0 (two samples per 8-byte compare), then anything else one call at a time.
            int lineEnd = end;
            while (col < nCols) {
                int runEnd = homRefRun(buf, p, lineEnd);
                int run = (runEnd - p) >>> 2;
                p = runEnd;
                if (run > 0) {
                    if (col + run > nCols) throw tooManyColumns();
                    calls.refRun(run);
                    col += run;
                    continue;
                }
                if (p > end) throw columnCount(col);
                p = genotype(p, col, nAlt, calls);
                col++;
            }
        } else {
            while (col < nCols) {
                if (p > end) throw columnCount(col);
                // The common case: a GT-only 0/0 or 0|0 followed by a tab.
                if (gtOnly && p + 4 <= end) {
                    int w = (int) INT.get(buf, p);
                    if (w == HOM_REF_UNPHASED_TAB || w == HOM_REF_PHASED_TAB) {
                        int s = selection.indexOf(col);
                        if (s >= 0) calls.refCall(s, 2);
                        p += 4;
                        col++;
                        continue;
                    }
                }
                int s = keepAll ? col : selection.indexOf(col);
                p = s < 0 ? skipField(p) : gtIndex == 0 ? genotype(p, s, nAlt, calls) : genotypeAt(p, gtIndex, s, nAlt, calls);
                col++;
            }
        }
        if (p <= end) throw tooManyColumns();
    }

    /** Samples in columns {@code col} onwards are missing (a record without FORMAT and sample columns). */
    private void missingFrom(int col, RecordCalls calls) {
        boolean keepAll = selection.keepsAll();
        for (int c = col; c < columns; c++) {
            int s = keepAll ? c : selection.indexOf(c);
            if (s >= 0) calls.missingCall(s);
        }
    }

    /**
     * The GT of a sample column starting at {@code p} whose FORMAT has GT as key {@code gtIndex}
     * (counting from 0); a column with fewer keys (trailing ones may be dropped) is a missing call.
     */
    private int genotypeAt(int p, int gtIndex, int s, int nAlt, RecordCalls calls) {
        byte[] buf = b;
        int q = p;
        for (int k = 0; k < gtIndex; k++) {
            while (q < end && buf[q] != ':' && buf[q] != '\t') q++;
            if (q >= end || buf[q] == '\t') {
                calls.missingCall(s);
                return q + 1;
            }
            q++;
        }
        return genotype(q, s, nAlt, calls);
    }

    /**
     * Index of the '\n' that ends the record starting at {@code start}, searching {@code b[start,
     * limit)}; -1 when there is none. Past the nine fixed columns, eight bytes that are two
     * {@code 0/0} (or {@code 0|0}) calls cannot hold a line end and are skipped with one compare,
     * which makes finding a line end in a rare-variant VCF several times cheaper than testing
     * every byte.
     */
    static int recordEnd(byte[] b, int start, int limit) {
        int i = start;
        int tabs = 0;
        while (i < limit && tabs < 9) {
            byte c = b[i];
            if (c == '\n') return i;
            if (c == '\t') tabs++;
            i++;
        }
        int last8 = limit - 8;
        while (i <= last8) {
            long w = (long) LONG.get(b, i);
            if (w != HOM_REF_PAIR && w != HOM_REF_PHASED_PAIR) {
                int k = BgzfLineSource.newlineIn(w);
                if (k >= 0) return i + k;
            }
            i += 8;
        }
        for (; i < limit; i++) if (b[i] == '\n') return i;
        return -1;
    }

    /**
     * End of the run of tab-terminated {@code 0/0} / {@code 0|0} fields starting at {@code p}:
     * eight bytes (two unphased calls) per compare, then four. Small, so the JIT compiles it early.
     */
    private static int homRefRun(byte[] buf, int p, int end) {
        int last8 = end - 8;
        while (p <= last8 && (long) LONG.get(buf, p) == HOM_REF_PAIR) p += 8;
        while (p + 4 <= end) {
            int w = (int) INT.get(buf, p);
            if (w != HOM_REF_UNPHASED_TAB && w != HOM_REF_PHASED_TAB) break;
            p += 4;
        }
        return p;
    }

    /** Parses one GT (up to ':' or tab) for output sample {@code s}; returns the next column's start. */
    private int genotype(int p, int s, int nAlt, RecordCalls calls) {
        byte[] buf = b;
        int q = p;
        int ploidy = 0;
        int missingAlleles = 0;
        while (true) {
            if (q >= end) throw badGt(p);
            byte c = buf[q];
            if (c == '.') {
                if (ploidy < MAX_PLOIDY) alleles[ploidy] = -1;
                missingAlleles++;
                q++;
            } else if (c >= '0' && c <= '9') {
                int a = 0;
                while (q < end && buf[q] >= '0' && buf[q] <= '9') {
                    a = a * 10 + (buf[q++] - '0');
                    if (a > 1_000_000) throw badGt(p);
                }
                if (a > nAlt) {
                    throw error("GT '" + field(p) + "' of sample " + sampleName(s) + " names allele " + a
                            + " but the record has " + nAlt + " ALT allele" + (nAlt == 1 ? "" : "s"), "fix the record's GT or ALT");
                }
                if (ploidy < MAX_PLOIDY) alleles[ploidy] = a;
            } else {
                throw badGt(p);
            }
            ploidy++;
            if (q == end) break;
            c = buf[q];
            if (c == '/' || c == '|') {
                q++;
                continue;
            }
            if (c == ':' || c == '\t') break;
            throw badGt(p);
        }
        if (ploidy > MAX_PLOIDY) throw error("GT '" + field(p) + "' has ploidy " + ploidy + ", more than " + MAX_PLOIDY, "");
        if (missingAlleles == ploidy) calls.missingCall(s);
        else if (missingAlleles > 0) calls.halfCall(s, alleles, ploidy);
        else if (ploidy == 2 && alleles[0] == 0 && alleles[1] == 0) calls.refCall(s, 2);
        else calls.call(s, alleles, ploidy);
        return skipField(q);
    }

    /** Position after the next tab at or after {@code p} (or end + 1 for the last column). */
    private int skipField(int p) {
        byte[] buf = b;
        while (p < end && buf[p] != '\t') p++;
        return p + 1;
    }

    /** Index of the GT key among the FORMAT keys, or -1. */
    private int gtKeyIndex() {
        int key = 0;
        int k = formatStart;
        while (k < formatEnd) {
            int e = k;
            while (e < formatEnd && b[e] != ':') e++;
            if (e - k == 2 && b[k] == 'G' && b[k + 1] == 'T') return key;
            key++;
            k = e + 1;
        }
        return -1;
    }

    private String field(int p) {
        int e = p;
        while (e < end && b[e] != '\t' && b[e] != ':') e++;
        return str(p, e);
    }

    private String sampleName(int s) {
        return "'" + selection.names().get(s) + "'";
    }

    private InputException badGt(int p) {
        return error("GT '" + field(p) + "' is not a genotype", "GT is allele indexes separated by / or |, or '.' for missing");
    }

    private InputException columnCount(int found) {
        return error("record has " + found + " sample columns but the header has " + columns,
                "check the record's columns against the #CHROM line");
    }

    private InputException tooManyColumns() {
        return error("record has more sample columns than the header's " + columns,
                "check the record's columns against the #CHROM line");
    }

    private InputException error(String problem, String hint) {
        return new InputException(file.toString(), location, problem, hint);
    }

    private int parsePos(byte[] buf, int s, int e) {
        if (s == e) throw error("POS is empty", "POS is a 1-based integer position");
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9 || v > Integer.MAX_VALUE) {
                throw error("POS '" + str(s, e) + "' is not a position", "POS is a 1-based integer position");
            }
            v = v * 10 + d;
        }
        if (v > Integer.MAX_VALUE) throw error("POS '" + str(s, e) + "' is too large", "");
        return (int) v;
    }

    private List<String> splitAlts(int s, int e) {
        if (e - s == 1 && b[s] == '.') return List.of();
        if (s == e) throw error("ALT is empty", "write '.' for no alternate allele");
        List<String> out = new ArrayList<>(1);
        int k = s;
        for (int i = s; i <= e; i++) {
            if (i == e || b[i] == ',') {
                if (i == k) throw error("ALT '" + str(s, e) + "' has an empty allele", "fix the record's ALT");
                out.add(upper(k, i));
                k = i + 1;
            }
        }
        return out;
    }

    private boolean isPass(int s, int e) {
        int n = e - s;
        return (n == 1 && b[s] == '.') || (n == 4 && b[s] == 'P' && b[s + 1] == 'A' && b[s + 2] == 'S' && b[s + 3] == 'S');
    }

    /** Bases upper-cased, as htsjdk reports them. */
    private String upper(int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] >= 'a' && b[i] <= 'z') return str(s, e).toUpperCase(java.util.Locale.ROOT);
        }
        return str(s, e);
    }

    private String str(int s, int e) {
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    /** The previous contig string when the bytes match, so each record does not allocate one. */
    private String sameAs(String prev, byte[] buf, int s, int e) {
        if (s == e) throw error("CHROM is empty", "fix the record");
        if (prev.length() == e - s) {
            boolean same = true;
            for (int i = 0; i < e - s && same; i++) same = prev.charAt(i) == buf[s + i];
            if (same) return prev;
        }
        return str(s, e);
    }
}
