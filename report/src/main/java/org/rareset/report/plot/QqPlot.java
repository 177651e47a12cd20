package org.rareset.report.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.rareset.report.plot.Canvas.Anchor;

/**
 * Quantile-quantile plot of -log10 p against its expectation under the null, one series per method,
 * with the genomic inflation lambda of each (as {@code rareset assoc} computed it) in the legend and
 * the pointwise 95% band of the null.
 *
 * <p>The band: under the null the i-th smallest of n independent uniform p-values follows
 * Beta(i, n - i + 1), so at expected -log10((i - 0.5) / n) the band runs from -log10 of its 97.5%
 * quantile to -log10 of its 2.5% quantile. Points outside it at the top right are signals; a whole
 * curve leaving it early is miscalibration.
 */
public final class QqPlot {
    /** One method's observed -log10 p (sorted descending) and its lambda. */
    public record Series(String method, double[] observedDesc, double lambda, String color) {}

    /** The band at selected ranks: expected, lower and upper -log10 p. */
    public record Band(double[] expected, double[] lower, double[] upper) {}

    public static final int WIDTH = 520;
    public static final int HEIGHT = 460;
    private static final double LEFT = 60, RIGHT = 20, TOP = 34, BOTTOM = 50;
    private static final String BAND_COLOR = "#9aa5b1";

    private QqPlot() {}

    /** -log10 p values sorted descending (strongest first), as the plot takes them. */
    public static double[] sortedDescending(double[] minusLog10P) {
        double[] a = minusLog10P.clone();
        Arrays.sort(a);
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /**
     * The 95% band for n p-values at about {@code points} ranks: every rank up to 10, then
     * geometrically spaced ranks up to n (the band is smooth; the plot needs no more).
     */
    public static Band band(int n, int points) {
        List<Integer> ranks = new ArrayList<>();
        for (int i = 1; i <= Math.min(n, 10); i++) ranks.add(i);
        if (n > 10) {
            double step = Math.pow(n / 10.0, 1.0 / Math.max(1, points - 10));
            double r = 10;
            while (true) {
                r *= step;
                int i = (int) Math.round(r);
                if (i >= n) break;
                if (i > ranks.get(ranks.size() - 1)) ranks.add(i);
            }
            ranks.add(n);
        }
        double[] e = new double[ranks.size()], lo = new double[e.length], hi = new double[e.length];
        for (int k = 0; k < e.length; k++) {
            int i = ranks.get(k);
            BetaDistribution b = new BetaDistribution(null, i, n - i + 1.0);
            e[k] = -Math.log10((i - 0.5) / n);
            hi[k] = -Math.log10(b.inverseCumulativeProbability(0.025));
            lo[k] = -Math.log10(b.inverseCumulativeProbability(0.975));
        }
        return new Band(e, lo, hi);
    }

    public static void draw(Canvas c, String title, List<Series> series) {
        double maxObs = 1, maxExp = 1;
        int nBand = 0;
        for (Series s : series) {
            if (s.observedDesc().length == 0) continue;
            maxObs = Math.max(maxObs, Axis.capped(s.observedDesc()[0]));
            maxExp = Math.max(maxExp, -Math.log10(0.5 / s.observedDesc().length));
            nBand = Math.max(nBand, s.observedDesc().length);
        }
        Band band = nBand == 0 ? null : band(nBand, 120);
        if (band != null) maxObs = Math.max(maxObs, Math.min(Axis.CAP, band.upper()[0]));
        // the expected axis ends just past the largest expectation (to the next half unit), not with the observed axis' headroom
        Axis x = new Axis(0, Math.max(1, Math.ceil(maxExp * 1.03 * 2) / 2), LEFT, c.width() - RIGHT);
        Axis y = new Axis(0, Axis.headroom(maxObs, 1), c.height() - BOTTOM, TOP);
        Frame.axes(c, x, y, title, "expected -log10(p)", "observed -log10(p)");
        if (band != null) {
            int m = band.expected().length;
            double[] xs = new double[2 * m], ys = new double[2 * m];
            for (int k = 0; k < m; k++) {
                xs[k] = x.px(band.expected()[k]);
                ys[k] = y.px(Axis.capped(band.upper()[k]));
                xs[2 * m - 1 - k] = x.px(band.expected()[k]);
                ys[2 * m - 1 - k] = y.px(band.lower()[k]);
            }
            c.polygon(xs, ys, BAND_COLOR, 0.35);
        }
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
        // Legend in the empty upper left (above the diagonal, where null points never go).
        double ly = TOP + 8;
        for (Series s : series) {
            c.circle(LEFT + 16, ly - 4, 4, s.color(), null);
            c.text(LEFT + 26, ly, s.method() + String.format(Locale.ROOT, "  \u03bb = %.3f", s.lambda()), 12,
                    Anchor.START, "#222222", false);
            ly += 17;
        }
        if (band != null) {
            c.rect(LEFT + 11, ly - 9, 10, 10, "#d5dae0");
            c.text(LEFT + 26, ly, "95% band under the null (n = " + nBand + ")", 11, Anchor.START, "#444444", false);
            ly += 16;
        }
        if (maxObs >= Axis.CAP) {
            c.text(LEFT + 12, ly, "ringed: -log10 p above " + (int) Axis.CAP + ", drawn at the cap", 10, Anchor.START, "#555555", false);
        }
    }
}
