package org.rareset.cli.report.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rareset.cli.report.GenePositions;
import org.rareset.cli.report.plot.Canvas.Anchor;

/**
 * Manhattan plot over gene positions: one point per gene and method at the gene's midpoint on the
 * genome-wide axis, chromosomes in alternating bands, the Bonferroni line dashed, and the most
 * significant genes above it labelled.
 */
public final class ManhattanPlot {
    /** A gene's best -log10 p for one method. */
    public record Point(String gene, String method, double axis, double minusLog10P, String color) {}

    public static final int WIDTH = 980;
    public static final int HEIGHT = 400;
    private static final double LEFT = 60, RIGHT = 20, TOP = 34, BOTTOM = 46;
    private static final int MAX_LABELS = 12;

    private ManhattanPlot() {}

    public static void draw(Canvas c, String title, GenePositions genes, List<Point> points,
                            double thresholdMinusLog10, List<String> methods) {
        double maxY = thresholdMinusLog10;
        for (Point p : points) maxY = Math.max(maxY, Axis.capped(p.minusLog10P()));
        Axis x = new Axis(0, genes.length(), LEFT, c.width() - RIGHT);
        Axis y = new Axis(0, Axis.headroom(maxY, 2), c.height() - BOTTOM, TOP);
        boolean shade = false;
        for (GenePositions.Chromosome ch : genes.chromosomes()) {
            if (shade) c.rect(x.px(ch.from()), y.px(y.max()), x.px(ch.to()) - x.px(ch.from()), y.px(0) - y.px(y.max()), "#f2f2f2");
            shade = !shade;
        }
        Frame.axes(c, new Axis(0, genes.length(), LEFT, c.width() - RIGHT), y, title, null, "-log10(p)");
        // Chromosome names instead of numeric x ticks; skip names that would overlap.
        double lastEnd = -1e9;
        for (GenePositions.Chromosome ch : genes.chromosomes()) {
            double mid = x.px((ch.from() + ch.to()) / 2);
            if (mid - lastEnd < 16) continue;
            c.text(mid, y.px(0) + 16, ch.name(), 10, Anchor.MIDDLE, "#333333", false);
            lastEnd = mid;
        }
        if (maxY >= Axis.CAP) {
            c.text(LEFT + 6, TOP - 4, "ringed points: -log10 p above " + (int) Axis.CAP + ", drawn at the cap (value in brackets)",
                    10, Anchor.START, "#555555", false);
        }
        c.text((LEFT + c.width() - RIGHT) / 2, c.height() - 8, "chromosome (gene midpoint)", 12, Anchor.MIDDLE, "#222222", false);
        c.line(x.px(0), y.px(thresholdMinusLog10), x.px(genes.length()), y.px(thresholdMinusLog10), "#cc0000", 1, true);
        Set<Long> drawn = new HashSet<>();
        for (Point p : points) {
            double px = x.px(p.axis()), py = y.px(Axis.capped(p.minusLog10P()));
            if (p.minusLog10P() > Axis.CAP) c.circle(px, py, 4.5, "#000000", null);
            if (!drawn.add((Math.round(px) * 100_000L + Math.round(py)) * 31 + p.color().hashCode())) continue;
            c.circle(px, py, 3, p.color(), p.gene() + " (" + p.method() + "): -log10 p = "
                    + String.format(java.util.Locale.ROOT, "%.2f", p.minusLog10P()));
        }
        // Label the strongest genes above the line, each once.
        List<Point> top = new ArrayList<>(points);
        top.removeIf(p -> p.minusLog10P() < thresholdMinusLog10);
        top.sort(Comparator.comparingDouble(Point::minusLog10P).reversed());
        Set<String> labelled = new HashSet<>();
        for (Point p : top) {
            if (labelled.size() >= MAX_LABELS) break;
            if (!labelled.add(p.gene())) continue;
            String label = p.minusLog10P() > Axis.CAP
                    ? p.gene() + String.format(java.util.Locale.ROOT, " (%.0f)", p.minusLog10P()) : p.gene();
            c.text(x.px(p.axis()) + 6, y.px(Axis.capped(p.minusLog10P())) - 5, label, 10, Anchor.START, "#111111", false);
        }
        double lx = c.width() - RIGHT - 8;
        double ly = TOP + 8;
        for (String m : methods) {
            c.text(lx - 8, ly, m, 11, Anchor.END, "#222222", false);
            c.circle(lx, ly - 4, 4, Palette.color(methods, m), null);
            ly += 15;
        }
    }
}
