package org.rareset.genotypes.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.rareset.core.InputException;
import org.rareset.core.output.OutputFiles;
import org.rareset.genotypes.vcf.Variant;

/**
 * Joins genotype stores that hold parts of one cohort (one per chromosome, region or input file,
 * each with the same sample list) into one store, as if one ingest had read the parts one after
 * another.
 *
 * <p>Order: the shards are joined in the order given. Together they must be in genomic order as
 * one sorted VCF is: each contig's variants in consecutive shards (a contig may continue from one
 * shard into the next), positions not decreasing across a shard boundary, and no variant (same
 * contig, position, REF and ALT) at the end of one shard and the start of the next, which is what
 * overlapping regions leave. Anything else is refused with one line naming the shard; the join
 * does not sort, so that its result is exactly the store a sequential ingest of the same shards
 * in the same order writes.
 *
 * <p>How: the variant data blocks are copied byte for byte (each checked against its CRC32 on the
 * way), the variant-table rows with their data offset moved and their contig renumbered (row
 * CRC32 recomputed), then the sample and contig sections and the footer are written as
 * {@link GenotypeStoreWriter} writes them. A data block's bytes do not depend on where it sits in
 * the store, so the joined store is byte-identical to ingesting the shards' inputs in one run.
 * Memory: one chunk of at most {@value #CHUNK_BYTES} bytes of data (or one variant, if larger)
 * and the sample list; the output is written under a temporary name and renamed when complete.
 */
public final class StoreJoin {
    /** Data bytes copied per read: large sequential reads, bounded memory. */
    static final int CHUNK_BYTES = 8 << 20;
    private static final String ORDER_HINT = "list the shards in genomic order, each contig's variants in consecutive shards "
            + "(split with bcftools view -r/-t on regions that do not overlap)";

    private StoreJoin() {}

    /**
     * Writes one store at {@code out} holding every variant of {@code shardStores}, in the order
     * given.
     *
     * @throws InputException when a shard is not a valid store, its samples differ from the first
     *                        shard's, it is out of order or overlaps the one before, or {@code out}
     *                        is one of the shards
     */
    public static void join(List<Path> shardStores, Path out) throws IOException {
        join(shardStores, shardStores, ORDER_HINT, out, CHUNK_BYTES);
    }

    /**
     * {@link #join(List, Path)}, with the order and sample problems of shard {@code i} reported
     * against {@code names.get(i)} (the input file a shard store was ingested from) with
     * {@code orderHint}, reading at most {@code chunkBytes} of data at once (tests use tiny chunks).
     */
    static void join(List<Path> shardStores, List<Path> names, String orderHint, Path out, int chunkBytes) throws IOException {
        if (shardStores.isEmpty()) throw new InputException(null, null, "no shard stores to join", "give one or more .rsg files");
        Path target = out.toAbsolutePath().normalize();
        for (Path s : shardStores) {
            if (s.toAbsolutePath().normalize().equals(target)) {
                throw InputException.of(s, "is both a shard and the joined output", "write the joined store under another name");
            }
        }
        Plan plan = plan(shardStores, names, orderHint);
        OutputFiles.write(out, tmp -> write(plan, shardStores, tmp, chunkBytes));
    }

    /** Where each shard's contigs and bytes go in the joined store. */
    private record Plan(List<String> samples, List<String> contigs, List<long[]> ranges, int[][] contigMaps,
                        long variants, long dataEnd) {}

    /** Opens every shard once: checks its samples and its order against the shards before it. */
    private static Plan plan(List<Path> shards, List<Path> names, String hint) {
        List<String> samples = null;
        Path first = null;
        List<String> contigs = new ArrayList<>();
        List<long[]> ranges = new ArrayList<>();
        Set<String> finished = new HashSet<>();
        int[][] maps = new int[shards.size()][];
        long variants = 0;
        long dataEnd = StoreFormat.HEADER_BYTES;
        Variant last = null;
        Path lastShard = null;
        for (int i = 0; i < shards.size(); i++) {
            Path shard = names.get(i);
            try (GenotypeStore s = GenotypeStore.open(shards.get(i))) {
                if (samples == null) {
                    samples = s.samples();
                    first = shard;
                } else {
                    SampleLists.require(shard, s.samples(), first, samples, "the first shard",
                            "join only stores ingested with the same samples in the same order (ingest --samples-file selects them)");
                }
                maps[i] = new int[s.contigs().size()];
                for (int c = 0; c < s.contigs().size(); c++) {
                    String name = s.contigs().get(c);
                    long rows = s.contigRows(c);
                    if (rows == 0) {
                        maps[i][c] = -1;
                        continue;
                    }
                    Variant head = s.variantAt(s.contigFirstRow(c));
                    if (last != null && last.chrom().equals(name)) {
                        checkContinues(shard, head, last, lastShard, hint);
                        ranges.get(ranges.size() - 1)[1] += rows;
                    } else {
                        if (finished.contains(name)) throw StoreIngest.notContinuing(shard, head, lastShard, last.chrom(), last.pos(), hint);
                        if (last != null) finished.add(last.chrom());
                        contigs.add(name);
                        ranges.add(new long[] {variants, rows});
                    }
                    maps[i][c] = contigs.size() - 1;
                    variants += rows;
                    last = s.variantAt(s.contigFirstRow(c) + rows - 1);
                    lastShard = shard;
                }
                dataEnd += s.dataEnd() - StoreFormat.HEADER_BYTES;
            }
        }
        return new Plan(samples, contigs, ranges, maps, variants, dataEnd);
    }

    /** {@code head}, a shard's first variant on the contig the shards before it ended with, must come after {@code last}. */
    private static void checkContinues(Path shard, Variant head, Variant last, Path lastShard, String hint) {
        // in a sequential ingest's words (StoreIngest), so both read alike
        if (head.pos() < last.pos()) throw StoreIngest.notContinuing(shard, head, lastShard, last.chrom(), last.pos(), hint);
        if (StoreIngest.sameVariant(head, last)) throw StoreIngest.overlapping(shard, head, lastShard, hint);
    }

    private static void write(Plan plan, List<Path> shards, Path tmp, int chunkBytes) throws IOException {
        long tableOffset = GenotypeStoreWriter.align(plan.dataEnd());
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer h = ByteBuffer.allocate(StoreFormat.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            h.put(StoreFormat.HEAD_MAGIC).putInt(StoreFormat.VERSION).putInt(0);
            writeAt(out, h.flip(), 0);
            long dataAt = StoreFormat.HEADER_BYTES;
            long rowAt = tableOffset;
            for (int i = 0; i < shards.size(); i++) {
                try (GenotypeStore s = GenotypeStore.open(shards.get(i))) {
                    long shift = dataAt - StoreFormat.HEADER_BYTES;
                    long rows = s.variantCount();
                    long expected = StoreFormat.HEADER_BYTES;
                    for (long lo = 0; lo < rows; ) {
                        long hi = lo;
                        long bytes = 0;
                        do {
                            bytes += s.rowInt(hi, 36);
                            hi++;
                        } while (hi < rows && bytes + s.rowInt(hi, 36) <= chunkBytes);
                        if (s.dataOffset(lo) != expected || bytes < 0 || bytes > Integer.MAX_VALUE - 8 || expected + bytes > s.dataEnd()) {
                            throw s.corruptAt("variant table rows " + lo + "-" + (hi - 1) + " do not point to consecutive data");
                        }
                        ByteBuffer data = s.read(expected, (int) bytes);
                        byte[] table = new byte[(int) (hi - lo) * StoreFormat.ROW_BYTES];
                        for (long r = lo; r < hi; r++) {
                            int at = (int) (s.dataOffset(r) - expected);
                            if (at < 0 || at > data.limit()) throw s.corruptAt("variant table row " + r + " points outside its data");
                            data.position(at);
                            s.checkRow(r, data);
                            int base = (int) (r - lo) * StoreFormat.ROW_BYTES;
                            s.copyRow(r, table, base);
                            moveRow(table, base, s.dataOffset(r) + shift, plan.contigMaps()[i][s.rowInt(r, 12)]);
                        }
                        writeAt(out, data.rewind(), dataAt);
                        writeAt(out, ByteBuffer.wrap(table), rowAt);
                        dataAt += bytes;
                        rowAt += table.length;
                        expected += bytes;
                        lo = hi;
                    }
                    if (expected != s.dataEnd()) throw s.corruptAt("the data section ends at " + expected + ", not " + s.dataEnd());
                }
            }
            writeAt(out, ByteBuffer.allocate((int) (tableOffset - dataAt)), dataAt);
            byte[] tail = GenotypeStoreWriter.tail(plan.variants(), plan.samples(), plan.contigs(), plan.ranges(), tableOffset,
                    plan.dataEnd());
            writeAt(out, ByteBuffer.wrap(tail), rowAt);
        }
    }

    /** Sets a copied row's data offset and contig and recomputes its CRC32 (the data CRC32 stays: the block is unchanged). */
    private static void moveRow(byte[] table, int base, long dataOffset, int contig) {
        ByteBuffer row = ByteBuffer.wrap(table, base, StoreFormat.ROW_BYTES).slice().order(ByteOrder.LITTLE_ENDIAN);
        row.putLong(0, dataOffset);
        row.putInt(12, contig);
        CRC32 crc = new CRC32();
        crc.update(table, base, StoreFormat.ROW_CRC);
        row.putInt(StoreFormat.ROW_CRC, (int) crc.getValue());
    }

    private static void writeAt(FileChannel out, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) at += out.write(b, at);
    }
}
