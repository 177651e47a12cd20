package org.rareset.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ManhattanPlotTest {
    /** Thirty strong genes packed close together: labels never overlap each other nor leave the data area. */
    @Test
    void crowdedLabelsDoNotOverlap() {
        Axis x = new Axis(0, 1000, ManhattanPlot.LEFT, ManhattanPlot.WIDTH - ManhattanPlot.RIGHT);
        Axis y = new Axis(0, 20, ManhattanPlot.HEIGHT - ManhattanPlot.BOTTOM, ManhattanPlot.TOP);
        List<ManhattanPlot.Point> points = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String g = String.format(Locale.ROOT, "G%03d", i);
            points.add(new ManhattanPlot.Point(g, "GENE_NAME_" + i, "burden", 480 + i * 2, 10 + (i % 5) * 0.3, "#1f77b4"));
        }
        SvgCanvas c = new SvgCanvas(ManhattanPlot.WIDTH, ManhattanPlot.HEIGHT);
        List<ManhattanPlot.Box> boxes = ManhattanPlot.labels(c, x, y, points, 5);
        assertFalse(boxes.isEmpty());
        assertTrue(boxes.size() < 30, "some labels must be left out in such a crowd");
        for (int i = 0; i < boxes.size(); i++) {
            ManhattanPlot.Box a = boxes.get(i);
            assertTrue(a.x() >= x.fromPx() && a.x() + a.w() <= x.toPx() && a.y() >= y.toPx() && a.y() + a.h() <= y.fromPx(), a.toString());
            for (int j = i + 1; j < boxes.size(); j++) assertFalse(a.overlaps(boxes.get(j)), a + " overlaps " + boxes.get(j));
        }
        String svg = c.toSvg("t");
        assertTrue(svg.contains(">GENE_NAME_"), "labelled by gene name, not id");
        assertTrue(svg.contains((30 - boxes.size()) + " more gene(s) above the line not labelled"), "left-out labels are counted");
    }

    @Test
    void legendIsOutsideTheDataArea() {
        SvgCanvas c = new SvgCanvas(ManhattanPlot.WIDTH, ManhattanPlot.HEIGHT);
        ManhattanPlot.draw(c, "t", GenomeAxis.empty(), List.of(), 5, List.of("burden", "skat"));
        String svg = c.toSvg("t");
        int i = svg.indexOf(">burden</text>");
        String before = svg.substring(svg.lastIndexOf("<text", i), i);
        double lx = Double.parseDouble(before.replaceAll("(?s).*x=\"([0-9.]+)\".*", "$1"));
        assertTrue(lx > ManhattanPlot.WIDTH - ManhattanPlot.RIGHT, "legend text at x " + lx);
        assertEquals(-1, svg.indexOf("NaN"));
    }
}
