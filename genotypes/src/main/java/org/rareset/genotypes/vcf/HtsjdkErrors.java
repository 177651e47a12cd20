package org.rareset.genotypes.vcf;

import htsjdk.samtools.SAMException;
import htsjdk.tribble.TribbleException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.rareset.core.InputException;
import org.rareset.core.bgzf.Bgzf;

/** Turns htsjdk's reading failures (malformed or truncated input) into {@link InputException}s naming the file. */
final class HtsjdkErrors {
    private HtsjdkErrors() {}

    static <T> T call(Path file, Supplier<T> work) {
        try {
            return work.get();
        } catch (InputException e) {
            throw e.source() == null ? e.withSource(file.toString()) : e;
        } catch (TribbleException | SAMException e) {
            if (Bgzf.isCorruption(e.getMessage())) throw Bgzf.corrupt(file, e);
            String msg = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
            boolean truncated = msg.contains("Premature") || msg.toLowerCase().contains("truncat") || msg.contains("EOF");
            throw new InputException(file.toString(), null,
                    truncated ? "file is truncated or not valid BGZF (" + msg + ")" : "cannot read VCF/BCF: " + msg,
                    truncated ? "the file is incomplete: copy or download it again, or re-create it with bgzip"
                            : "check the file with `bcftools view`", e);
        }
    }
}
