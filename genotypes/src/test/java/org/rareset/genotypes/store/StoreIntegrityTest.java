package org.rareset.genotypes.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.rareset.core.InputException;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfVariantSource;

/**
 * The store's checksums (format 2): every single-bit flip anywhere in a store is caught, either
 * when the store is opened, when the damaged variant is read, or by {@link GenotypeStore#verify()};
 * none gives different genotypes silently.
 */
@Tag("slow")
class StoreIntegrityTest {
    static final Path VALID = Path.of(System.getProperty("rareset.testdata", "../testdata"), "ingest", "valid.vcf.gz");

    @TempDir Path dir;

    private Path ingest(Path out) {
        try (VcfVariantSource src = VcfVariantSource.open(VALID);
             GenotypeStoreWriter w = GenotypeStoreWriter.create(out, src.samples())) {
            for (Variant v : src) w.add(v);
            w.commit();
        }
        return out;
    }

    private static List<Variant> all(GenotypeStore s) {
        List<Variant> out = new ArrayList<>();
        s.forEach(out::add);
        return out;
    }

    @Test
    void soundStoreVerifies() {
        try (GenotypeStore s = GenotypeStore.open(ingest(dir.resolve("a.rsg")))) {
            assertEquals(6, s.verify());
        }
    }

    @Test
    void everySingleBitFlipIsCaught() throws Exception {
        Path good = ingest(dir.resolve("good.rsg"));
        List<Variant> expected;
        try (GenotypeStore s = GenotypeStore.open(good)) {
            expected = all(s);
        }
        byte[] bytes = Files.readAllBytes(good);
        Path bad = dir.resolve("bad.rsg");
        int caughtOnOpen = 0;
        int caughtOnRead = 0;
        int caughtByVerify = 0;
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] b = bytes.clone();
                b[i] ^= (byte) (1 << bit);
                Files.write(bad, b);
                GenotypeStore s;
                try {
                    s = GenotypeStore.open(bad);
                } catch (InputException e) {
                    caughtOnOpen++;
                    continue;
                }
                try (s) {
                    List<Variant> got;
                    try {
                        got = all(s);
                    } catch (InputException e) {
                        caughtOnRead++;
                        continue;
                    }
                    try {
                        s.verify();
                    } catch (InputException e) {
                        caughtByVerify++;
                        continue;
                    }
                    fail("flipping bit " + bit + " of byte " + i + " went unnoticed" + (got.equals(expected) ? "" : " and changed the variants"));
                }
            }
        }
        assertEquals(bytes.length * 8, caughtOnOpen + caughtOnRead + caughtByVerify);
        // Header, footer and names are checked on open; each variant's row and data as it is read.
        assertTrue(caughtOnOpen > 8 * (StoreFormat.HEADER_BYTES + StoreFormat.FOOTER_BYTES - 8), "on open: " + caughtOnOpen);
        assertTrue(caughtOnRead > 8 * 6 * StoreFormat.ROW_BYTES / 2, "on read: " + caughtOnRead);
    }

    @Test
    void damagedCarrierDataIsAnErrorOnARegionRead() throws Exception {
        Path store = ingest(dir.resolve("c.rsg"));
        byte[] b = Files.readAllBytes(store);
        // The first variant's data block starts right after the 16-byte header: id, ref, alt, carriers.
        b[StoreFormat.HEADER_BYTES + 7] ^= 0x02;
        Files.write(store, b);
        try (GenotypeStore s = GenotypeStore.open(store)) {
            InputException e = assertThrows(InputException.class, () -> s.variantsIn("1", 1, 1200));
            assertTrue(e.problem().contains("the carrier data of variant 1:1000 (row 0) fails its checksum"), e.getMessage());
            assertTrue(e.hint().contains("rareset check c.rsg"), e.getMessage());
            // Other variants still read.
            assertEquals(1, s.variantsIn("2", 1, 1000).size());
        }
    }

    @Test
    void formatOneStoreGetsAClearMessage() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        b.put(StoreFormat.HEAD_MAGIC).putInt(1).putInt(0);
        Path old = dir.resolve("old.rsg");
        Files.write(old, b.array());
        InputException e = assertThrows(InputException.class, () -> GenotypeStore.open(old));
        assertEquals("genotype store format 1 was written by an older rareset and has no checksums (this rareset reads format 2)", e.problem());
        assertEquals("re-create it with `rareset ingest` from the VCF/BCF", e.hint());
    }
}
