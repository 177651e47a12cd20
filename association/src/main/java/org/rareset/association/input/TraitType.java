package org.rareset.association.input;

import java.util.Locale;

/** How a trait is modelled: linear regression or logistic regression. */
public enum TraitType {
    QUANTITATIVE, BINARY;

    /** Accepts {@code quantitative}/{@code qt}/{@code linear} and {@code binary}/{@code bt}/{@code logistic}. */
    public static TraitType parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "quantitative": case "qt": case "linear": case "continuous": return QUANTITATIVE;
            case "binary": case "bt": case "logistic": case "case-control": return BINARY;
            default: return null;
        }
    }
}
