package org.rareset.genotypes.plink;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rareset.core.InputException;
import org.rareset.core.region.RegionSet;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.ImportOptions;
import org.rareset.genotypes.vcf.ContigOrder;
import org.rareset.genotypes.vcf.AbstractGenotypeFileSource;
import org.rareset.genotypes.vcf.RecordCalls;
import org.rareset.genotypes.vcf.SampleSelection;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VariantSplitter;
import org.rareset.genotypes.vcf.VcfReadOptions;

/**
 * Reads a PLINK 1 binary fileset (SNP-major {@code .bed}, {@code .bim}, {@code .fam}) as sparse
 * {@link Variant}s, the same way {@link org.rareset.genotypes.vcf.VcfVariantSource} reads a VCF.
 *
 * <p>The .bed starts with the magic bytes {@code 6c 1b 01}, then one block of
 * {@code ceil(N/4)} bytes per .bim line; each byte holds four samples, lowest bits first, coded
 * relative to A1 (.bim column 5): {@code 00} A1/A1, {@code 01} missing, {@code 10} A1/A2,
 * {@code 11} A2/A2. REF is A2 (column 6) unless {@link ImportOptions#refFirst()}, so by default
 * the ALT count is the A1 count, as plink2 writes a VCF's ALT into A1. Every call is diploid (the
 * format has no ploidy). A variant whose ALT is the missing allele code {@code 0} (monomorphic in
 * plink's output) is skipped and counted as having no ALT. Regions are found by position in the
 * .bim; the .bed is read at fixed offsets, so no index is needed.
 */
public final class BedVariantSource extends AbstractGenotypeFileSource {
    private static final byte[] MAGIC = {0x6c, 0x1b, 0x01};

    private final GenotypeInput input;
    private final RegionSet regions;
    private final boolean refFirst;
    private final boolean keepSymbolic;
    private final int columns;
    private final int bytesPerVariant;
    private final BufferedReader bim;
    private final InputStream bed;

    private BedVariantSource(GenotypeInput input, SampleSelection selection, RegionSet regions, boolean refFirst,
                             boolean keepSymbolic, int columns, BufferedReader bim, InputStream bed) {
        super(input.file(), selection);
        this.input = input;
        this.regions = regions;
        this.refFirst = refFirst;
        this.keepSymbolic = keepSymbolic;
        this.columns = columns;
        this.bytesPerVariant = (columns + 3) / 4;
        this.bim = bim;
        this.bed = bed;
    }

    /**
     * Opens the fileset, reading the .fam and checking the .bed's header and size against the
     * .bim and .fam before any variant is read.
     *
     * @throws InputException for a missing or malformed file, duplicate sample ids, a .bed of the
     *                        wrong size, an unknown sample or a region on a contig the .bim lacks
     */
    public static BedVariantSource open(GenotypeInput input, VcfReadOptions read, ImportOptions options) {
        requireReadable(input, read);
        List<String> names = FamFile.sampleNames(input.fam(), options.fidIid());
        SampleSelection selection = SampleSelection.resolve(input.fam(), names, read);
        BimSummary summary = BimSummary.scan(input.bim());
        RegionSet regions = read.hasRegions() ? read.regionSet() : null;
        if (regions != null) regions.requireContigs(input.bim(), summary.contigs, "the .bim");
        checkBedSize(input.file(), summary.lines, names.size());
        BufferedReader bim = null;
        try {
            bim = Files.newBufferedReader(input.bim(), StandardCharsets.UTF_8);
            InputStream bed = new BufferedInputStream(Files.newInputStream(input.file()), 1 << 20);
            bed.skipNBytes(MAGIC.length);
            return new BedVariantSource(input, selection, regions, options.refFirst(), read.keepSymbolic(), names.size(), bim, bed);
        } catch (IOException e) {
            closeQuietly(bim);
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The samples {@link #open} would give (after {@code read}'s subset), from the .fam alone: open also
     * scans the whole .bim and checks the .bed, which a caller wanting only the samples need not wait for.
     */
    public static List<String> samples(GenotypeInput input, VcfReadOptions read, ImportOptions options) {
        requireReadable(input, read);
        return SampleSelection.resolve(input.fam(), FamFile.sampleNames(input.fam(), options.fidIid()), read).names();
    }

    private static void requireReadable(GenotypeInput input, VcfReadOptions read) {
        input.requireFiles();
        if (read.passOnly()) {
            throw new InputException("--pass-only", null, "PLINK .bed/.bim files have no FILTER column", "leave out --pass-only");
        }
    }

    /** The .bed must be SNP-major and hold exactly one block per .bim line. */
    static void checkBedSize(Path bed, long variants, int samples) {
        long expected = MAGIC.length + variants * ((samples + 3L) / 4);
        try (InputStream in = Files.newInputStream(bed)) {
            byte[] head = in.readNBytes(3);
            if (head.length < 3 || head[0] != MAGIC[0] || head[1] != MAGIC[1]) {
                throw InputException.of(bed, "not a PLINK 1 .bed (it does not start with the bytes 6c 1b)",
                        "give the .bed of a PLINK 1 binary fileset, e.g. from `plink2 --vcf x.vcf.gz --make-bed`");
            }
            if (head[2] != MAGIC[2]) {
                throw InputException.of(bed, "a sample-major .bed (PLINK 1.0 'individual-major' mode)",
                        "rewrite it SNP-major with `plink2 --bfile PREFIX --make-bed --out NEW`");
            }
            long size = Files.size(bed);
            if (size != expected) {
                throw InputException.of(bed, (size < expected ? "truncated: " : "too long: ") + size + " bytes, but the .bim's "
                                + variants + " variants x the .fam's " + samples + " samples need " + expected,
                        "the .bed, .bim and .fam must come from the same plink run; re-export them together");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected RecordReader records() {
        return new Records();
    }

    @Override
    public void close() {
        closeQuietly(bim);
        closeQuietly(bed);
    }

    /** {@code ceil(N/4)} bytes of four hom-REF calls each: {@code 11} x 4 when A2 is REF, {@code 00} x 4 when A1 is. */
    private byte[] homRefRow() {
        byte[] row = new byte[bytesPerVariant];
        if (!refFirst) java.util.Arrays.fill(row, (byte) 0xFF);
        return row;
    }

    private static final String SORT_HINT =
            "sort it with `plink2 --bfile PREFIX --sort-vars --make-pgen --out SORTED`, then `plink2 --pfile SORTED --make-bed --out SORTED`";

    private final class Records implements RecordReader {
        private final RecordCalls calls = new RecordCalls(selection.size());
        private final ContigOrder order = new ContigOrder();
        private final byte[] block = new byte[bytesPerVariant];
        private final byte[] homRefRow = homRefRow();
        private final String[] fields = new String[6];
        private long lineNo;

        @Override
        public boolean readNext(ArrayDeque<Variant> pending) {
            try {
                String line = bim.readLine();
                if (line == null) return false;
                lineNo++;
                BimSummary.split(input.bim(), lineNo, line, fields);
                String chrom = fields[0];
                int pos = BimSummary.position(input.bim(), lineNo, fields[3]);
                order.require(chrom, pos, input.bim(), "line " + lineNo, SORT_HINT);
                if (regions != null && !regions.contains(chrom, pos)) {
                    bed.skipNBytes(bytesPerVariant);
                    return true;
                }
                String ref = refFirst ? fields[4] : fields[5];
                String alt = refFirst ? fields[5] : fields[4];
                if (alt.equals("0") || alt.equals(".") || !stats.admit(alt, keepSymbolic)) {
                    bed.skipNBytes(bytesPerVariant);
                    stats.countRecord(0);
                    return true;
                }
                if (bed.readNBytes(block, 0, bytesPerVariant) != bytesPerVariant) {
                    throw InputException.of(input.file(), "ends inside the block of .bim line " + lineNo, "re-export the fileset");
                }
                decode();
                stats.countRecord(1);
                VariantSplitter.split(chrom, pos, fields[1], ref, List.of(alt), calls, pending::add);
                return true;
            } catch (java.nio.charset.CharacterCodingException e) {
                throw InputException.atLine(input.bim(), lineNo + 1, "not UTF-8 text", "give the .bim of a PLINK 1 binary fileset (plain text)");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Two bits per sample, lowest first. Bytes of four hom-REF calls are the common case: with
         * every sample kept they are skipped by comparing against a row of them
         * ({@link java.util.Arrays#mismatch}, vectorised), and only the other bytes are decoded.
         */
        private void decode() {
            calls.reset(1);
            if (!selection.keepsAll()) {
                for (int b = 0; b < bytesPerVariant; b++) decodeByte(b);
                return;
            }
            int full = columns / 4;
            int b = 0;
            int homRefBytes = 0;
            while (b < full) {
                int m = java.util.Arrays.mismatch(block, b, full, homRefRow, b, full);
                if (m < 0) {
                    homRefBytes += full - b;
                    break;
                }
                homRefBytes += m;
                decodeByte(b + m);
                b += m + 1;
            }
            calls.refRun(4 * homRefBytes);
            for (int r = full; r < bytesPerVariant; r++) decodeByte(r);
        }

        private void decodeByte(int b) {
            int homRefCode = refFirst ? 0 : 3;
            int v = block[b];
            int first = b * 4;
            int last = Math.min(columns, first + 4);
            boolean all = selection.keepsAll();
            for (int col = first; col < last; col++, v >>= 2) {
                int s = all ? col : selection.indexOf(col);
                if (s < 0) continue;
                int code = v & 3;
                if (code == homRefCode) calls.refCall(s, 2);
                else if (code == 1) calls.missingCall(s);
                else calls.biallelicCarrier(s, code == 2 ? 1 : 2);
            }
        }
    }

    /** What a first pass over the .bim finds: its line count (for the .bed size) and contigs (for regions). */
    static final class BimSummary {
        final long lines;
        final Set<String> contigs;

        private BimSummary(long lines, Set<String> contigs) {
            this.lines = lines;
            this.contigs = contigs;
        }

        static BimSummary scan(Path bim) {
            long lines = 0;
            Set<String> contigs = new LinkedHashSet<>();
            try (BufferedReader in = Files.newBufferedReader(bim, StandardCharsets.UTF_8)) {
                String line;
                String last = null;
                while ((line = in.readLine()) != null) {
                    lines++;
                    int end = 0;
                    String t = line.stripLeading();
                    while (end < t.length() && !Character.isWhitespace(t.charAt(end))) end++;
                    String chrom = t.substring(0, end);
                    if (!chrom.equals(last)) {
                        contigs.add(chrom);
                        last = chrom;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (lines == 0) throw InputException.of(bim, "no variants", "a .bim lists one variant per line");
            return new BimSummary(lines, contigs);
        }

        /** Splits a .bim line into its 6 whitespace-separated fields. */
        static void split(Path bim, long lineNo, String line, String[] out) {
            int n = 0;
            int i = 0;
            int len = line.length();
            while (i < len) {
                while (i < len && Character.isWhitespace(line.charAt(i))) i++;
                if (i >= len) break;
                int start = i;
                while (i < len && !Character.isWhitespace(line.charAt(i))) i++;
                if (n == 6) {
                    n++;
                    break;
                }
                out[n++] = line.substring(start, i);
            }
            if (n != 6) {
                throw InputException.atLine(bim, lineNo, "expected 6 columns (chrom id cM pos A1 A2), found " + (n > 6 ? "more" : n),
                        "write the .bim as plink does");
            }
        }

        static int position(Path bim, long lineNo, String text) {
            try {
                int pos = Integer.parseInt(text);
                if (pos >= 0) return pos;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw InputException.atLine(bim, lineNo, "position '" + text + "' is not a base-pair coordinate",
                    "column 4 of a .bim is the position, a whole number >= 0");
        }
    }
}
