package org.rareset.report.plot;

import java.util.Locale;

/** Writes the drawing as a standalone SVG document (also valid inline in HTML5). */
public final class SvgCanvas implements Canvas {
    private final int width;
    private final int height;
    private final StringBuilder body = new StringBuilder();

    public SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override public int width() { return width; }
    @Override public int height() { return height; }

    @Override
    public void rect(double x, double y, double w, double h, String fill) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x, y, w, h, fill));
    }

    @Override
    public void polygon(double[] xs, double[] ys, String fill, double opacity) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < xs.length; i++) pts.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", xs[i], ys[i]));
        body.append(String.format(Locale.ROOT, "<polygon points=\"%s\" fill=\"%s\" fill-opacity=\"%.2f\"/>%n", pts, fill, opacity));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String stroke, double w, boolean dashed) {
        body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>%n",
                x1, y1, x2, y2, stroke, w, dashed ? " stroke-dasharray=\"5,4\"" : ""));
    }

    @Override
    public void circle(double cx, double cy, double r, String fill, String tooltip) {
        String c = String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"", cx, cy, r, fill);
        if (tooltip == null) {
            body.append(c).append("/>\n");
        } else {
            body.append(c).append("><title>").append(escape(tooltip)).append("</title></circle>\n");
        }
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, String fill, boolean vertical) {
        String a = switch (anchor) { case START -> "start"; case MIDDLE -> "middle"; case END -> "end"; };
        body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" text-anchor=\"%s\" fill=\"%s\"%s>",
                x, y, size, a, fill, vertical ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.1f %.1f)\"", x, y) : ""));
        body.append(escape(text)).append("</text>\n");
    }

    /** The complete SVG element with the XML namespace, usable both as a file and inline. */
    public String toSvg(String title) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"DejaVu Sans, Arial, sans-serif\" role=\"img\">\n"
                + "<title>" + escape(title) + "</title>\n" + body + "</svg>\n";
    }

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
