package org.rareset.genotypes.bgen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;
import org.rareset.core.region.GenomicRegion;
import org.rareset.core.region.RegionSet;

/**
 * A BGEN file's {@code .bgi} index as {@code bgenix -index} writes it: an SQLite database whose
 * {@code Variant} table has one row per variant block ({@code chromosome, position, rsid,
 * number_of_alleles, allele1, allele2, file_start_position, size_in_bytes}) and whose optional
 * {@code Metadata} table records the indexed file's size and first 1,000 bytes.
 *
 * <p>{@link #blocksIn} turns a region set into the start offsets of the blocks inside it, in file
 * order, so a region read seeks straight to them instead of walking every block header before
 * them. The chromosome is matched with and without a {@code chr} prefix, as regions are.
 *
 * <p>SQLite is read through sqlite-jdbc, which bundles SQLite's native library for the common
 * platforms and extracts it to {@code java.io.tmpdir}; nothing is fetched at run time. A hand-written
 * reader of SQLite's b-tree pages would avoid the native code but not the format's complexity
 * (interior pages, overflow pages, WITHOUT ROWID index b-trees).
 */
final class BgiIndex {
    /** A block of the index: its start offset and size in the BGEN file, with what it should hold. */
    record Block(long offset, long size, String chrom, long pos) {}

    private BgiIndex() {}

    /** {@code FILE.bgen.bgi} beside the BGEN file. */
    static Path pathOf(Path bgen) {
        return bgen.resolveSibling(bgen.getFileName() + ".bgi");
    }

    /**
     * The blocks whose position lies in {@code regions}, in file order.
     *
     * @throws InputException when the index is not an index of this file (its Metadata names another
     *                        size or other first bytes) or not a bgenix index at all
     */
    static List<Block> blocksIn(Path bgi, Path bgen, RegionSet regions) {
        Properties p = new Properties();
        p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + bgi.toAbsolutePath(), p)) {
            checkMetadata(db, bgi, bgen);
            List<Block> out = new ArrayList<>();
            Set<Long> seen = new java.util.HashSet<>();
            try (PreparedStatement q = db.prepareStatement("SELECT file_start_position, size_in_bytes, chromosome, position FROM Variant"
                    + " WHERE chromosome IN (?, ?) AND position BETWEEN ? AND ?")) {
                for (GenomicRegion r : regions.regions()) {
                    // the contig as Contigs.same matches it when the file is walked: with and without 'chr'
                    String contig = Contigs.canonical(r.chrom());
                    q.setString(1, contig);
                    q.setString(2, "chr" + contig);
                    q.setLong(3, r.start());
                    q.setLong(4, r.end());
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            Block b = new Block(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4));
                            if (seen.add(b.offset())) out.add(b);
                        }
                    }
                }
            }
            out.sort((a, b) -> Long.compare(a.offset(), b.offset()));
            return out;
        } catch (SQLException e) {
            throw InputException.of(bgi, "not a readable bgenix index (" + e.getMessage() + ")", "delete it or re-create it with `bgenix -g FILE.bgen -index`");
        }
    }

    private static void checkMetadata(Connection db, Path bgi, Path bgen) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        if (!tables.contains("Variant")) {
            throw InputException.of(bgi, "has no Variant table, so it is not a bgenix index", "delete it or re-create it with `bgenix -g FILE.bgen -index`");
        }
        if (!tables.contains("Metadata")) return; // bgenix before 1.0.1 wrote none; each block read is still checked
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT file_size, first_1000_bytes FROM Metadata")) {
            if (!rs.next()) return;
            long size = rs.getLong(1);
            byte[] first = rs.getBytes(2);
            long actual = Files.size(bgen);
            byte[] head = new byte[(int) Math.min(1000, actual)];
            try (InputStream in = Files.newInputStream(bgen)) {
                int n = in.readNBytes(head, 0, head.length);
                head = Arrays.copyOf(head, n);
            }
            if (size != actual || (first != null && !Arrays.equals(first, head))) {
                throw InputException.of(bgi, "indexes another file (" + size + " bytes" + (size == actual ? ", other first bytes" : "") + "; "
                        + bgen.getFileName() + " has " + actual + ")", "re-create it with `bgenix -g " + bgen.getFileName() + " -index`, or delete it");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
