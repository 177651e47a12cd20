package org.rareset.association.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Results as tab-separated text (gzipped when the name ends in {@code .gz}), written atomically.
 * {@code pval} is printed from {@code log10p} with 6 significant digits so it never underflows;
 * {@code log10p} keeps full double precision.
 */
public final class ResultTsvWriter {
    private ResultTsvWriter() {}

    public static void write(Path out, List<ResultRow> rows) throws IOException {
        AtomicOutput.write(out, tmp -> {
            try (OutputStream raw = Files.newOutputStream(tmp);
                 OutputStream os = out.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
                 BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
                w.write(String.join("\t", ResultRow.COLUMNS));
                w.write('\n');
                StringBuilder sb = new StringBuilder(128);
                for (ResultRow r : rows) {
                    sb.setLength(0);
                    sb.append(r.phenotype()).append('\t').append(r.gene()).append('\t').append(r.mask()).append('\t')
                            .append(r.test()).append('\t').append(r.nVariants()).append('\t')
                            .append(PValueFormat.number(r.mac())).append('\t').append(r.nCarriers()).append('\t')
                            .append(PValueFormat.number(r.beta())).append('\t').append(PValueFormat.number(r.se())).append('\t')
                            .append(PValueFormat.format(r.log10P(), 6)).append('\t').append(PValueFormat.number(r.log10P()))
                            .append('\n');
                    w.append(sb);
                }
            }
        });
    }
}
