package org.rareset.association.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Results as tab-separated text (gzipped when the name ends in {@code .gz}), written atomically.
 * {@code pval} is printed from log10 p with 6 significant digits so it never underflows;
 * {@code neg_log10p} = -log10 p keeps full double precision. Unknown values are {@code NA}.
 */
public final class ResultTsvWriter {
    private ResultTsvWriter() {}

    public static void write(Path out, List<ResultRow> rows, GeneInfo.Lookup genes) throws IOException {
        TsvLines.write(out, ResultRow.COLUMNS, rows, (r, sb) -> {
            GeneInfo g = genes.of(r.gene());
            var cc = r.caseControl();
            sb.append(r.phenotype()).append('\t').append(r.gene()).append('\t')
                    .append(text(g.name())).append('\t').append(text(g.chrom())).append('\t')
                    .append(position(g.start())).append('\t').append(position(g.end())).append('\t')
                    .append(r.mask()).append('\t')
                    .append(r.test()).append('\t').append(r.nVariants()).append('\t')
                    .append(PValueFormat.number(r.mac())).append('\t').append(r.nCarriers()).append('\t')
                    .append(PValueFormat.number(cc.macCase())).append('\t').append(PValueFormat.number(cc.macControl())).append('\t')
                    .append(count(cc.nCarriersCase())).append('\t').append(count(cc.nCarriersControl())).append('\t')
                    .append(PValueFormat.number(r.beta())).append('\t').append(PValueFormat.number(r.se())).append('\t')
                    .append(PValueFormat.number(r.betaPerAllele())).append('\t')
                    .append(PValueFormat.format(r.log10P(), 6)).append('\t').append(PValueFormat.negLog10(r.log10P()))
                    .append('\n');
        });
    }

    static String text(String s) {
        return s == null ? "NA" : s;
    }

    static String position(long p) {
        return p < 0 ? "NA" : Long.toString(p);
    }

    static String count(int n) {
        return n < 0 ? "NA" : Integer.toString(n);
    }
}
