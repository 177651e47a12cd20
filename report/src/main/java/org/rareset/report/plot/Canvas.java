package org.rareset.report.plot;

/**
 * The few drawing operations the report's plots need, so one plot description renders both to SVG
 * (inline in the HTML and as a file) and to PNG (Java2D). Coordinates are pixels, origin top left;
 * colours are {@code #rrggbb}.
 */
public interface Canvas {
    enum Anchor { START, MIDDLE, END }

    int width();

    int height();

    void rect(double x, double y, double w, double h, String fill);

    /** A filled polygon with the given opacity (0..1), for shaded bands. */
    void polygon(double[] xs, double[] ys, String fill, double opacity);

    void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed);

    /** A filled circle; {@code tooltip} may be null (shown on hover in SVG). */
    void circle(double cx, double cy, double r, String fill, String tooltip);

    /** Text with its baseline at y; rotated -90 degrees around (x, y) when {@code vertical}. */
    void text(double x, double y, String text, double size, Anchor anchor, String fill, boolean vertical);
}
