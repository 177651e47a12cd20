package org.rareset.report.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear map from data values to pixels, with "nice" tick positions (1, 2, 5 x 10^k steps). */
public record Axis(double min, double max, double fromPx, double toPx) {

    public double px(double v) {
        return fromPx + (v - min) / (max - min) * (toPx - fromPx);
    }

    /** Tick values between min and max, about {@code target} of them. */
    public List<Double> ticks(int target) {
        double span = max - min;
        double raw = span / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 5, 10}) {
            step = m * mag;
            if (step >= raw) break;
        }
        List<Double> t = new ArrayList<>();
        for (double v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        return t;
    }

    public static String label(double v) {
        return Math.rint(v) == v ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Plots show -log10 p up to this value; stronger signals are drawn at the cap (and labelled), so
     * that one p of 1e-400 does not flatten everything else.
     */
    public static final double CAP = 40;

    /** The value drawn: v, or the cap for anything above it. */
    public static double capped(double v) {
        return Double.isFinite(v) ? Math.min(v, CAP) : CAP;
    }

    /** An upper limit a little above {@code v}, at least {@code floor}. */
    public static double headroom(double v, double floor) {
        return Math.max(floor, Math.ceil(v * 1.08 + 0.5));
    }
}
