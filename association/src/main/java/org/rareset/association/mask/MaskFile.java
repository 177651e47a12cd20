package org.rareset.association.mask;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.rareset.core.InputException;

/**
 * Reads a mask file: one mask per line, {@code name: expression}, for example
 * <pre>
 *   # comments and blank lines are ignored
 *   plof: is_plof == 1
 *   missense: Consequence_missense_variant == 1 &amp;&amp; CADD_PHRED &gt; 20
 * </pre>
 * and expands the masks over the {@code --max-maf} thresholds, each threshold its own mask named
 * {@code name.threshold} (REGENIE's convention, e.g. {@code plof.0.01}).
 */
public final class MaskFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+-]+");

    private MaskFile() {}

    public static List<Mask> read(Path file, List<String> annotationColumns) {
        List<String> lines = org.rareset.core.table.TextInput.readLines(file);
        List<Mask> masks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw InputException.atLine(file, i + 1, "expected 'name: expression'", "for example  plof: is_plof == 1");
            }
            String name = line.substring(0, colon).strip();
            if (!NAME.matcher(name).matches()) {
                throw InputException.atLine(file, i + 1, "mask name '" + name + "' has characters other than letters, digits and _ . + -", null);
            }
            if (!names.add(name)) throw InputException.atLine(file, i + 1, "mask '" + name + "' is defined twice", "give each mask its own name");
            String expr = line.substring(colon + 1).strip();
            if (expr.isEmpty()) throw InputException.atLine(file, i + 1, "mask '" + name + "' has no expression", null);
            masks.add(new Mask(name, MaskExpression.parse(expr, annotationColumns, file + ": line " + (i + 1)), Double.NaN));
        }
        if (masks.isEmpty()) throw InputException.of(file, "no masks defined", "write one 'name: expression' per line");
        return masks;
    }

    /** Each mask once per threshold; unchanged when there are no thresholds. */
    public static List<Mask> expand(List<Mask> masks, List<Double> maxMafs) {
        if (maxMafs == null || maxMafs.isEmpty()) return masks;
        List<Mask> out = new ArrayList<>();
        for (Mask m : masks) {
            for (double t : maxMafs) {
                if (!(t > 0 && t <= 0.5)) {
                    throw new InputException(null, null, "--max-maf " + t + " is outside (0, 0.5]", "give minor allele frequencies such as 0.01,0.001");
                }
                out.add(new Mask(m.name() + "." + plain(t), m.expression(), t));
            }
        }
        return out;
    }

    static String plain(double t) {
        return new BigDecimal(Double.toString(t)).stripTrailingZeros().toPlainString();
    }
}
