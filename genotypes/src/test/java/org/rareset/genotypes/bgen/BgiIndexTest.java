package org.rareset.genotypes.bgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.genotypes.GenotypeSources;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.ImportOptions;
import org.rareset.genotypes.vcf.GenotypeFileSource;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfReadOptions;
import org.rareset.genotypes.vcf.VcfVariantSource;

/**
 * Region reads through a bgenix {@code .bgi} index: testdata/genotypes/cohort.v12.bgen.bgi and
 * cohort.v13.bgen.bgi were written by testdata/genotypes/make_bgi.py (Python's sqlite3, bgenix's
 * schema, block offsets found by its own walk of the file). The indexed read must equal the VCF's
 * region read and the read of the same file without its index; an index of another file, one whose
 * rows do not match the blocks, or a file that is not SQLite, is one clear error.
 */
class BgiIndexTest {
    static final Path DIR = Path.of(System.getProperty("rareset.testdata", "../testdata"), "genotypes");
    static final VcfReadOptions REGIONS = VcfReadOptions.all().withRegions(List.of("chr1:25840000-60000000", "2:100000000-150000000"));

    @TempDir Path dir;

    static List<Variant> read(GenotypeFileSource s) {
        List<Variant> out = new ArrayList<>();
        for (Variant v : s) out.add(v);
        return out;
    }

    static String note(GenotypeFileSource s) {
        return ((BgenVariantSource) s).indexNote();
    }

    @Test
    void indexedRegionReadEqualsTheVcfAndTheWalk() throws IOException {
        List<Variant> expected;
        try (VcfVariantSource v = VcfVariantSource.open(DIR.resolve("cohort.vcf.gz"), REGIONS)) {
            expected = read(v);
        }
        assertTrue(expected.size() > 10 && expected.size() < 200, "the regions pick part of the file: " + expected.size());
        for (String name : List.of("cohort.v12.bgen", "cohort.v13.bgen")) {
            assertTrue(Files.isRegularFile(DIR.resolve(name + ".bgi")), "missing " + name + ".bgi");
            for (int threads : new int[] {1, 3}) {
                try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bgen(DIR.resolve(name), null), REGIONS, ImportOptions.defaults(), threads)) {
                    assertEquals(expected, read(s), name);
                    assertTrue(note(s).startsWith("regions read through " + name + ".bgi: "), note(s));
                }
            }
            // the same file without its index is walked, with the same result
            Path copy = Files.copy(DIR.resolve(name), dir.resolve(name));
            try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bgen(copy, null), REGIONS, ImportOptions.defaults(), 1)) {
                assertEquals(expected, read(s));
                assertNull(note(s));
            }
            Files.delete(copy);
        }
    }

    @Test
    void regionContigsMatchTheIndexAsTheWalkMatchesThem() {
        // 'Chr1' is contig 1 to Contigs.same, which the walk of the file uses; the index must agree
        VcfReadOptions capitalised = VcfReadOptions.all().withRegions(List.of("Chr1:25840000-60000000", "2:100000000-150000000"));
        for (String name : List.of("cohort.v12.bgen", "cohort.v13.bgen")) {
            try (GenotypeFileSource expected = GenotypeSources.open(GenotypeInput.bgen(DIR.resolve(name), null), REGIONS, ImportOptions.defaults(), 1);
                 GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bgen(DIR.resolve(name), null), capitalised, ImportOptions.defaults(), 1)) {
                assertEquals(read(expected), read(s), name);
                assertTrue(note(s).startsWith("regions read through " + name + ".bgi: "), note(s));
            }
        }
    }

    @Test
    void wholeFileReadsIgnoreTheIndex() {
        try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bgen(DIR.resolve("cohort.v13.bgen"), null), ImportOptions.defaults())) {
            assertEquals(315, read(s).size());
            assertNull(note(s));
        }
    }

    @Test
    void indexOfAnotherFileIsRefused() throws IOException {
        Path bgen = Files.copy(DIR.resolve("cohort.v13.bgen"), dir.resolve("cohort.bgen"));
        Files.copy(DIR.resolve("cohort.v12.bgen.bgi"), dir.resolve("cohort.bgen.bgi"));
        InputException e = assertThrows(InputException.class,
                () -> GenotypeSources.open(GenotypeInput.bgen(bgen, null), REGIONS, ImportOptions.defaults(), 1).close());
        assertTrue(e.getMessage().contains("cohort.bgen.bgi") && e.getMessage().contains("indexes another file"), e.getMessage());
    }

    @Test
    void rowsThatDoNotMatchTheBlocksAreRefused() throws IOException, SQLException {
        Path bgen = Files.copy(DIR.resolve("cohort.v13.bgen"), dir.resolve("cohort.bgen"));
        Path bgi = Files.copy(DIR.resolve("cohort.v13.bgen.bgi"), dir.resolve("cohort.bgen.bgi"));
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + bgi); Statement s = db.createStatement()) {
            // an index without Metadata (older bgenix) whose rows point one block off
            s.executeUpdate("DROP TABLE Metadata");
            s.executeUpdate("UPDATE Variant SET position = position + 1 WHERE chromosome = 'chr2'");
        }
        InputException e = assertThrows(InputException.class, () -> {
            try (GenotypeFileSource s = GenotypeSources.open(GenotypeInput.bgen(bgen, null), REGIONS, ImportOptions.defaults(), 1)) {
                read(s);
            }
        });
        assertTrue(e.getMessage().contains("does not match cohort.bgen"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAnIndexIsRefused() throws IOException {
        Path bgen = Files.copy(DIR.resolve("cohort.v13.bgen"), dir.resolve("cohort.bgen"));
        Files.writeString(dir.resolve("cohort.bgen.bgi"), "not a database");
        InputException e = assertThrows(InputException.class,
                () -> GenotypeSources.open(GenotypeInput.bgen(bgen, null), REGIONS, ImportOptions.defaults(), 1).close());
        assertTrue(e.getMessage().contains("not a readable bgenix index"), e.getMessage());
    }
}
