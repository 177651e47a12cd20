package org.rareset.cli.report.plot;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rareset.cli.report.plot.Canvas.Anchor;

/**
 * Quantile-quantile plot of -log10 p against its expectation under the null, one series per method,
 * with the genomic inflation lambda of each in the legend.
 */
public final class QqPlot {
    /** One method's observed -log10 p (sorted descending) and its lambda. */
    public record Series(String method, double[] observedDesc, double lambda, String color) {}

    public static final int WIDTH = 520;
    public static final int HEIGHT = 460;
    private static final double LEFT = 60, RIGHT = 20, TOP = 34, BOTTOM = 50;

    private QqPlot() {}

    public static void draw(Canvas c, String title, List<Series> series) {
        double maxObs = 1, maxExp = 1;
        for (Series s : series) {
            if (s.observedDesc().length == 0) continue;
            maxObs = Math.max(maxObs, Axis.capped(s.observedDesc()[0]));
            maxExp = Math.max(maxExp, -Math.log10(0.5 / s.observedDesc().length));
        }
        Axis x = new Axis(0, Axis.headroom(maxExp, 1), LEFT, c.width() - RIGHT);
        Axis y = new Axis(0, Axis.headroom(maxObs, 1), c.height() - BOTTOM, TOP);
        Frame.axes(c, x, y, title, "expected -log10(p)", "observed -log10(p)");
        double diag = Math.min(x.max(), y.max());
        c.line(x.px(0), y.px(0), x.px(diag), y.px(diag), "#888888", 1, true);
        for (Series s : series) {
            double[] o = s.observedDesc();
            int n = o.length;
            Set<Long> drawn = new HashSet<>();
            for (int i = 0; i < n; i++) {
                double ex = -Math.log10((i + 0.5) / n);
                double px = x.px(ex), py = y.px(Axis.capped(o[i]));
                if (o[i] > Axis.CAP) {
                    c.circle(px, py, 4.5, "#000000", null);
                    c.text(px - 7, py + 4, String.format(Locale.ROOT, "%.0f", o[i]), 10, Anchor.END, "#000000", false);
                }
                // Null points pile up near the origin: one circle per pixel is enough.
                if (!drawn.add(Math.round(px) * 100_000L + Math.round(py))) continue;
                c.circle(px, py, 2.6, s.color(), null);
            }
        }
        double ly = TOP + 8;
        for (Series s : series) {
            c.circle(LEFT + 16, ly - 4, 4, s.color(), null);
            c.text(LEFT + 26, ly, s.method() + String.format(Locale.ROOT, "  \u03bb = %.3f", s.lambda()), 12,
                    Anchor.START, "#222222", false);
            ly += 17;
        }
        if (maxObs >= Axis.CAP) {
            c.text(LEFT + 12, ly, "ringed: -log10 p above " + (int) Axis.CAP + ", drawn at the cap", 10, Anchor.START, "#555555", false);
        }
    }

}
