package org.rareset.genotypes.vcf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;

/** A gzip file cut inside its header (found by the input fuzz test) is bad input, not an I/O failure. */
class DamagedGzipHeaderTest {
    @Test
    void aGzipHeaderCutShortIsOneLineOfBadInput(@TempDir Path dir) throws Exception {
        // gzip magic, deflate method, FEXTRA flag, then nothing: GZIPInputStream hits the end in its header
        Path vcf = Files.write(dir.resolve("cut.vcf.gz"), new byte[] {31, (byte) 139, 8, 4, 0, 0, 0, 0, 0, (byte) 255, 6});
        InputException e = assertThrows(InputException.class, () -> {
            try (VcfVariantSource s = VcfVariantSource.open(vcf)) {
                s.samples();
            }
        });
        assertTrue(e.getMessage().contains("the gzip header is damaged or cut short"), e.getMessage());
        assertTrue(e.getMessage().contains("cut.vcf.gz"), e.getMessage());
    }
}
