package org.rareset.report.plot;

import org.rareset.report.plot.Canvas.Anchor;

/** Title, axis lines, ticks and axis labels shared by the report's plots. */
final class Frame {
    private Frame() {}

    static void axes(Canvas c, Axis x, Axis y, String title, String xLabel, String yLabel) {
        c.text(c.width() / 2.0, 20, title, 15, Anchor.MIDDLE, "#111111", false);
        double x0 = x.fromPx(), y0 = y.fromPx();
        if (x != null && xLabel != null) {
            for (double t : x.ticks(6)) {
                c.line(x.px(t), y0, x.px(t), y0 + 5, "#444444", 1, false);
                c.text(x.px(t), y0 + 18, Axis.label(t), 11, Anchor.MIDDLE, "#333333", false);
            }
            c.text((x.fromPx() + x.toPx()) / 2, c.height() - 10, xLabel, 12, Anchor.MIDDLE, "#222222", false);
        }
        for (double t : y.ticks(6)) {
            c.line(x0 - 5, y.px(t), x0, y.px(t), "#444444", 1, false);
            c.line(x0, y.px(t), x.toPx(), y.px(t), "#eeeeee", 1, false);
            c.text(x0 - 8, y.px(t) + 4, Axis.label(t), 11, Anchor.END, "#333333", false);
        }
        c.text(16, (y.fromPx() + y.toPx()) / 2, yLabel, 12, Anchor.MIDDLE, "#222222", true);
        c.line(x0, y0, x.toPx(), y0, "#444444", 1, false);
        c.line(x0, y0, x0, y.toPx(), "#444444", 1, false);
    }
}
