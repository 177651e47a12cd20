package org.rareset.annotate.vcf;

import java.nio.file.Path;
import java.util.List;

/** Records of a whole VCF text file, through {@link BgzfLineSource} and {@link VcfLineDecoder}. */
final class TextRecordStream extends DecodedLineStream {
    private final RegionSet filter;

    /** @param filter keep only records whose POS is in these regions; null keeps all */
    TextRecordStream(Path file, int threads, RegionSet filter) {
        super(file, new BgzfLineSource(file, threads));
        this.filter = filter;
    }

    List<String> headerContigs() {
        return header.contigs;
    }

    @Override
    public boolean advance() {
        while (lines.next()) {
            if (lines.lineEnd() == lines.lineStart()) continue;
            decoder.site(lines.buffer(), lines.lineStart(), lines.lineEnd(), "line " + lines.lineNumber());
            if (filter != null && !filter.contains(decoder.chrom(), decoder.pos())) continue;
            return true;
        }
        return false;
    }

    @Override
    public String location() {
        return decoder.location();
    }
}
