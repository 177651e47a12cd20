package org.rareset.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InputExceptionTest {
    @Test
    void javaTypeNamesInQuotedLibraryMessagesAreDropped() {
        InputException e = InputException.of(Path.of("x.tbi"), "cannot read the index (java.util.zip.DataFormatException: invalid bit length repeat)", "re-create it");
        assertEquals("x.tbi: cannot read the index (invalid bit length repeat) (re-create it)", e.getMessage());
        assertEquals("cannot read the index (unexpected end of data)",
                InputException.withoutJavaTypes("cannot read the index (java.io.EOFException)"));
        assertEquals("zstd data is corrupt (unreadable data)",
                InputException.withoutJavaTypes("zstd data is corrupt (com.github.luben.zstd.ZstdException)"));
    }

    @Test
    void ordinaryProblemsAreKeptAsWritten() {
        String p = "GT '0a0' is not a genotype; see docs/genotype-store.md (e.g. chr1.vcf.gz)";
        assertEquals(p, InputException.withoutJavaTypes(p));
    }
}
