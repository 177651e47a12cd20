package org.rareset.report.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rareset.report.plot.Canvas.Anchor;

/**
 * Manhattan plot over gene positions: one point per gene and method at the gene's midpoint on the
 * genome-wide axis, chromosomes in alternating bands, the Bonferroni line dashed, the strongest
 * genes above it labelled by gene name without overlaps, and the legend in the right margin,
 * outside the data.
 */
public final class ManhattanPlot {
    /** A gene's best -log10 p for one method; {@code label} is what the plot writes (the gene name when known). */
    public record Point(String gene, String label, String method, double axis, double minusLog10P, String color) {}

    /** A placed label's box, for overlap checks. */
    record Box(double x, double y, double w, double h) {
        boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }
    }

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 420;
    static final double LEFT = 60, RIGHT = 150, TOP = 40, BOTTOM = 46;
    private static final int MAX_LABELS = 15;
    private static final double LABEL_SIZE = 10;

    private ManhattanPlot() {}

    public static void draw(Canvas c, String title, GenomeAxis genome, List<Point> points,
                            double thresholdMinusLog10, List<String> methods) {
        double maxY = thresholdMinusLog10;
        for (Point p : points) maxY = Math.max(maxY, Axis.capped(p.minusLog10P()));
        double right = c.width() - RIGHT;
        Axis x = new Axis(0, genome.length(), LEFT, right);
        Axis y = new Axis(0, Axis.headroom(maxY, 2) + 1, c.height() - BOTTOM, TOP);
        boolean shade = false;
        for (GenomeAxis.Chromosome ch : genome.chromosomes()) {
            if (shade) c.rect(x.px(ch.from()), y.px(y.max()), x.px(ch.to()) - x.px(ch.from()), y.px(0) - y.px(y.max()), "#f2f2f2");
            shade = !shade;
        }
        Frame.axes(c, x, y, title, null, "-log10(p)");
        // Chromosome names instead of numeric x ticks; skip names that would overlap.
        double lastEnd = -1e9;
        for (GenomeAxis.Chromosome ch : genome.chromosomes()) {
            double mid = x.px((ch.from() + ch.to()) / 2);
            if (mid - lastEnd < 16) continue;
            c.text(mid, y.px(0) + 16, ch.name(), 10, Anchor.MIDDLE, "#333333", false);
            lastEnd = mid;
        }
        c.text((LEFT + right) / 2, c.height() - 8, "chromosome (gene midpoint)", 12, Anchor.MIDDLE, "#222222", false);
        c.line(x.px(0), y.px(thresholdMinusLog10), x.px(genome.length()), y.px(thresholdMinusLog10), "#cc0000", 1, true);
        Set<Long> drawn = new HashSet<>();
        for (Point p : points) {
            double px = x.px(p.axis()), py = y.px(Axis.capped(p.minusLog10P()));
            if (p.minusLog10P() > Axis.CAP) c.circle(px, py, 4.5, "#000000", null);
            if (!drawn.add((Math.round(px) * 100_000L + Math.round(py)) * 31 + p.color().hashCode())) continue;
            c.circle(px, py, 3, p.color(), p.label() + (p.label().equals(p.gene()) ? "" : " (" + p.gene() + ")") + ", " + p.method()
                    + ": -log10 p = " + String.format(Locale.ROOT, "%.2f", p.minusLog10P()));
        }
        labels(c, x, y, points, thresholdMinusLog10);
        legend(c, methods, right, maxY >= Axis.CAP);
    }

    /**
     * Labels the strongest genes above the line, each once, strongest first: each label tries a few
     * spots around its point and is left out (counted in the note) when all would overlap a label
     * already placed or leave the plot area.
     */
    static List<Box> labels(Canvas c, Axis x, Axis y, List<Point> points, double threshold) {
        List<Point> top = new ArrayList<>(points);
        top.removeIf(p -> p.minusLog10P() < threshold);
        top.sort(Comparator.comparingDouble(Point::minusLog10P).reversed().thenComparing(Point::gene));
        Set<String> seen = new HashSet<>();
        List<Box> placed = new ArrayList<>();
        int omitted = 0;
        for (Point p : top) {
            if (!seen.add(p.gene())) continue;
            if (placed.size() >= MAX_LABELS) { omitted++; continue; }
            String text = p.minusLog10P() > Axis.CAP ? p.label() + String.format(Locale.ROOT, " (%.0f)", p.minusLog10P()) : p.label();
            double w = textWidth(text), h = LABEL_SIZE + 2;
            double px = x.px(p.axis()), py = y.px(Axis.capped(p.minusLog10P()));
            double[][] spots = {{6, -6}, {-6 - w, -6}, {6, 12}, {-6 - w, 12}, {-w / 2, -12}, {-w / 2, 20}, {10, -20}, {-10 - w, -20}};
            Box chosen = null;
            for (double[] s : spots) {
                Box b = new Box(px + s[0], py + s[1] - LABEL_SIZE, w, h);
                if (b.x < x.fromPx() || b.x + b.w > x.toPx() || b.y < y.toPx() || b.y + b.h > y.fromPx()) continue;
                if (placed.stream().anyMatch(b::overlaps)) continue;
                chosen = b;
                break;
            }
            if (chosen == null) { omitted++; continue; }
            placed.add(chosen);
            double cx = Math.max(chosen.x, Math.min(px, chosen.x + chosen.w));
            double cy = chosen.y + chosen.h > py ? (chosen.y > py ? chosen.y : py) : chosen.y + chosen.h;
            if (Math.hypot(cx - px, cy - py) > 8) c.line(px, py, cx, cy, "#777777", 0.6, false);
            c.text(chosen.x, chosen.y + LABEL_SIZE, text, LABEL_SIZE, Anchor.START, "#111111", false);
        }
        if (omitted > 0) {
            c.text(x.toPx(), y.toPx() - 6, omitted + " more gene(s) above the line not labelled (see the table)", 10, Anchor.END, "#555555", false);
        }
        return placed;
    }

    /** The method legend and the notes in the right margin. */
    private static void legend(Canvas c, List<String> methods, double right, boolean capped) {
        double lx = right + 14;
        double ly = TOP + 10;
        c.text(lx, ly, "test", 11, Anchor.START, "#555555", false);
        ly += 16;
        for (String m : methods) {
            c.circle(lx + 4, ly - 4, 4, Palette.color(methods, m), null);
            c.text(lx + 14, ly, m, 11, Anchor.START, "#222222", false);
            ly += 15;
        }
        ly += 8;
        c.line(lx, ly - 4, lx + 18, ly - 4, "#cc0000", 1, true);
        c.text(lx + 22, ly, "Bonferroni", 10, Anchor.START, "#222222", false);
        if (capped) {
            ly += 18;
            c.circle(lx + 4, ly - 4, 4.5, "#000000", null);
            c.text(lx + 14, ly, "-log10 p > " + (int) Axis.CAP + ",", 10, Anchor.START, "#555555", false);
            c.text(lx + 14, ly + 12, "drawn at the cap", 10, Anchor.START, "#555555", false);
        }
    }

    /** Width of a label in pixels: DejaVu Sans averages about 0.6 em per character (a safe upper estimate). */
    static double textWidth(String s) {
        return 0.62 * LABEL_SIZE * s.length();
    }
}
