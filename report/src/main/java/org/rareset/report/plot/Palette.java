package org.rareset.report.plot;

import java.util.List;
import java.util.Locale;

/** Fixed colours per method, so a method looks the same in every plot and table of a report. */
public final class Palette {
    private static final String[] CYCLE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private Palette() {}

    /** Colour of the i-th method in a report's fixed method order. */
    public static String color(List<String> methods, String method) {
        int i = methods.indexOf(method);
        if (i < 0) i = Math.floorMod(method.toLowerCase(Locale.ROOT).hashCode(), CYCLE.length);
        return CYCLE[i % CYCLE.length];
    }
}
