package org.rareset.association.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Results as tab-separated text (gzipped when the name ends in {@code .gz}), written atomically.
 * {@code pval} is printed from {@code log10p} with 6 significant digits so it never underflows;
 * {@code log10p} keeps full double precision.
 */
public final class ResultTsvWriter {
    private ResultTsvWriter() {}

    public static void write(Path out, List<ResultRow> rows) throws IOException {
        TsvLines.write(out, ResultRow.COLUMNS, rows, (r, sb) ->
            sb.append(r.phenotype()).append('\t').append(r.gene()).append('\t').append(r.mask()).append('\t')
                    .append(r.test()).append('\t').append(r.nVariants()).append('\t')
                    .append(PValueFormat.number(r.mac())).append('\t').append(r.nCarriers()).append('\t')
                    .append(PValueFormat.number(r.beta())).append('\t').append(PValueFormat.number(r.se())).append('\t')
                    .append(PValueFormat.format(r.log10P(), 6)).append('\t').append(PValueFormat.number(r.log10P()))
                    .append('\n'));
    }
}
