package org.rareset.association.mask;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rareset.core.InputException;
import org.rareset.core.table.TextInput;
import org.rareset.association.input.AnnotationTable;

/**
 * A SAIGE-GENE+ group file ({@code --groupFile}) turned into RareSet's annotation table and masks.
 * Per gene, consecutive lines
 * <pre>
 *   GENE var    1:100:A:G 1:200:C:T ...
 *   GENE anno   lof       missense  ...
 *   GENE weight 0.5       1.2       ...    (optional)
 * </pre>
 * give the gene's variants, each one's annotation and optionally its weight (column
 * {@value #WEIGHT}, usable with {@code --weights weight}). Masks follow SAIGE-GENE+'s
 * {@code --annotation_in_groupTest}: masks separated by commas, the categories of one mask joined
 * by {@code :} (e.g. {@code lof,missense:lof}); a mask is named by its categories joined with
 * {@code :} and expanded over the MAF limits as {@code <mask>.<maf>} (SAIGE-GENE+ reports it as
 * {@code Group} and {@code max_MAF}). Variant ids match as in {@link RegenieMaskFiles}: {@code chr}
 * prefix ignored, REF/ALT swaps matched and counted, other ids against the genotype file's ids;
 * SAIGE's {@code chr1_100_A_G} spelling is read as {@code chr1:100:A:G}.
 */
public final class SaigeGroupFile {
    public static final String ANNOTATION = "annotation";
    public static final String WEIGHT = "weight";
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final AnnotationTable table;
    private final List<Mask> masks;
    private final String report;

    private SaigeGroupFile(AnnotationTable table, List<Mask> masks, String report) {
        this.table = table;
        this.masks = masks;
        this.report = report;
    }

    /**
     * @param maskSpec SAIGE-GENE+'s mask list, e.g. {@code lof,missense:lof}
     * @param maxMafs  MAF limits (empty = no limit, masks keep their plain names)
     */
    public static SaigeGroupFile read(Path file, String maskSpec, List<Double> maxMafs) {
        List<String> keys = new ArrayList<>();
        List<String> genes = new ArrayList<>();
        List<String[]> cells = new ArrayList<>();
        List<Long> lineNumbers = new ArrayList<>();
        Set<String> categories = new LinkedHashSet<>();
        Set<String> seenGenes = new HashSet<>();
        String gene = null;
        String[] vars = null;
        String[] annos = null;
        long varLine = 0;
        try (BufferedReader r = TextInput.open(file)) {
            String s;
            long n = 0;
            List<Object[]> pending = new ArrayList<>();
            while ((s = r.readLine()) != null) {
                n++;
                String t = s.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] f = SPACE.split(t);
                if (f.length < 3) throw InputException.atLine(file, n, "expected 'GENE var|anno|weight value value ...'", null);
                switch (f[1]) {
                    case "var" -> {
                        if (vars != null) flush(file, varLine, gene, vars, annos, null, keys, genes, cells, lineNumbers, categories);
                        gene = f[0];
                        if (!seenGenes.add(gene)) throw InputException.atLine(file, n, "gene '" + gene + "' has a second 'var' line", "list each gene once");
                        vars = java.util.Arrays.copyOfRange(f, 2, f.length);
                        annos = null;
                        varLine = n;
                    }
                    case "anno" -> {
                        check(file, n, f, gene, vars, "anno");
                        annos = java.util.Arrays.copyOfRange(f, 2, f.length);
                    }
                    case "weight" -> {
                        check(file, n, f, gene, vars, "weight");
                        if (annos == null) throw InputException.atLine(file, n, "'weight' line before the 'anno' line of " + gene, "order: var, anno, weight");
                        String[] w = java.util.Arrays.copyOfRange(f, 2, f.length);
                        flush(file, varLine, gene, vars, annos, w, keys, genes, cells, lineNumbers, categories);
                        vars = null;
                    }
                    default -> throw InputException.atLine(file, n, "second column '" + f[1] + "' is not var, anno or weight", null);
                }
            }
            if (vars != null) flush(file, varLine, gene, vars, annos, null, keys, genes, cells, lineNumbers, categories);
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), null);
        }
        if (keys.isEmpty()) throw InputException.of(file, "no groups", "write 'GENE var v1 v2 ...' and 'GENE anno a1 a2 ...' lines");
        AnnotationTable table = AnnotationTable.ofRows(file.toString(), List.of(ANNOTATION, WEIGHT), keys, genes, cells,
                lineNumbers.stream().mapToLong(Long::longValue).toArray(), true, Map.of());
        List<String> absent = new ArrayList<>();
        List<Mask> masks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String m : maskSpec.split(",")) {
            if (m.isBlank()) continue;
            StringBuilder expr = new StringBuilder();
            for (String c : m.strip().split(":")) {
                if (c.isEmpty() || c.indexOf('\'') >= 0) throw new InputException(null, null, "--annotation-in-group-test: bad category '" + c + "' in '" + m + "'", "e.g. lof,missense:lof");
                if (!categories.contains(c)) absent.add(c);
                if (expr.length() > 0) expr.append(" || ");
                expr.append(ANNOTATION).append(" == '").append(c).append('\'');
            }
            String name = m.strip();
            if (!names.add(name)) continue;
            MaskExpression e = MaskExpression.parse(expr.toString(), table.annotationColumns(), "--annotation-in-group-test");
            masks.add(new Mask(name, e, Double.NaN));
        }
        if (masks.isEmpty()) throw new InputException(null, null, "--annotation-in-group-test lists no mask", "e.g. lof,missense:lof");
        String report = String.format("SAIGE groups: %d genes, %d variant-gene pairs, categories %s%s", seenGenes.size(), keys.size(),
                String.join(",", categories), absent.isEmpty() ? "" : "; categories in no group: " + String.join(",", new LinkedHashSet<>(absent)));
        return new SaigeGroupFile(table, MaskFile.expand(masks, maxMafs), report);
    }

    private static void check(Path file, long n, String[] f, String gene, String[] vars, String kind) {
        if (vars == null || !f[0].equals(gene)) {
            throw InputException.atLine(file, n, "'" + kind + "' line of " + f[0] + " without its 'var' line just before", "order: var, anno, weight per gene");
        }
        if (f.length - 2 != vars.length) {
            throw InputException.atLine(file, n, kind + " line of " + gene + " has " + (f.length - 2) + " values for " + vars.length + " variants", null);
        }
    }

    private static void flush(Path file, long line, String gene, String[] vars, String[] annos, String[] weights, List<String> keys,
                              List<String> genes, List<String[]> cells, List<Long> lines, Set<String> categories) {
        if (annos == null) throw InputException.atLine(file, line, "gene " + gene + " has no 'anno' line", "follow each 'var' line with an 'anno' line");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < vars.length; i++) {
            String key = RegenieMaskFiles.variantKey(colons(vars[i]), file, line);
            if (!seen.add(key)) continue;
            keys.add(key);
            genes.add(gene);
            cells.add(new String[] {annos[i], weights == null ? null : weights[i]});
            lines.add(line);
            categories.add(annos[i]);
        }
    }

    /** SAIGE's {@code chr1_100_A_G} as {@code chr1:100:A:G}; any other id unchanged. */
    static String colons(String id) {
        if (id.indexOf(':') >= 0) return id;
        String[] p = id.split("_");
        return p.length == 4 && !p[1].isEmpty() && p[1].chars().allMatch(Character::isDigit) ? String.join(":", p) : id;
    }

    public AnnotationTable table() { return table; }
    public List<Mask> masks() { return masks; }
    public String report() { return report; }
}
