package org.rareset.association.mask;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * REGENIE's three mask files, read with REGENIE's semantics (docs/options.md, "Gene-based
 * testing"), turned into RareSet's annotation table and masks:
 * <ul>
 *   <li>annotation file ({@code --anno-file}): {@code variant gene annotation} per line;</li>
 *   <li>set list ({@code --set-list}): {@code gene chrom pos variant,variant,...} per line, a gene's
 *       variants and the position REGENIE reports for it;</li>
 *   <li>mask definitions ({@code --mask-def}): {@code mask anno1,anno2,...}, the union of the
 *       listed annotation categories.</li>
 * </ul>
 * A gene's variants are those of its set; a set variant without an annotation line for that gene
 * has REGENIE's category {@code NULL} (counted), which a mask may list. Each
 * mask is expanded over the AAF bins (ALT allele frequency in [0, bin], not MAF, as REGENIE) into
 * masks named {@code <mask>.<bin>}, plus a singleton mask {@code <mask>.singleton}. Results name
 * the gene and the mask separately; REGENIE's id is {@code <gene>.<mask>.<bin>}.
 *
 * <p>Variant ids of the form {@code chrom:pos:ref:alt} match whatever the genotype file's ids: a
 * {@code chr} prefix is ignored and a genotyped variant also matches an id with REF and ALT
 * swapped (counted). Any other id (as in REGENIE's examples, {@code rs123} or {@code mog_0})
 * matches the genotype file's variant id. Set-list variants without an
 * annotation for their gene, annotations outside every set and mask categories absent from the
 * annotation file are counted in {@link #report()}, as REGENIE's {@code --check-burden-files}.
 */
public final class RegenieMaskFiles {
    /** The column of the annotation table holding REGENIE's annotation category. */
    public static final String ANNOTATION = "annotation";
    /** REGENIE's category for set-list variants absent from the annotation file. */
    public static final String NULL_CATEGORY = "NULL";
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** Where REGENIE places a gene in its output: the set list's chromosome and position. */
    public record GenePosition(String chrom, long pos) {}

    private final AnnotationTable table;
    private final List<Mask> masks;
    private final Map<String, GenePosition> positions;
    private final List<String> report;
    private final Map<String, String> definitions = new LinkedHashMap<>();

    private RegenieMaskFiles(AnnotationTable table, List<Mask> masks, Map<String, GenePosition> positions, List<String> report) {
        this.table = table;
        this.masks = masks;
        this.positions = positions;
        this.report = report;
    }

    /**
     * @param aafBins    AAF upper bounds, each in (0, 1]
     * @param singletons how the singleton masks are defined ({@code --singleton-carrier} = one carrier)
     */
    public static RegenieMaskFiles read(Path annoFile, Path setList, Path maskDef, List<Double> aafBins, Mask.Singletons singletons) {
        for (double b : aafBins) {
            if (!(b > 0 && b <= 1)) {
                throw new InputException(null, null, "--aaf-bins " + b + " is outside (0, 1]", "give ALT allele frequencies such as 0.01,0.001");
            }
        }
        Map<String, String> annotationOf = new HashMap<>(); // key + '\t' + gene -> category
        Set<String> categories = new LinkedHashSet<>();
        for (Line l : lines(annoFile)) {
            if (l.fields.length == 4) {
                throw InputException.atLine(annoFile, l.number, "4 columns (variant gene domain annotation): gene domains are not supported",
                        "drop the domain column: variant gene annotation");
            }
            if (l.fields.length != 3) throw InputException.atLine(annoFile, l.number, "expected 3 columns 'variant gene annotation', found " + l.fields.length, null);
            String key = variantKey(l.fields[0], annoFile, l.number);
            annotationOf.put(key + '\t' + l.fields[1], l.fields[2]);
            categories.add(l.fields[2]);
        }
        List<String> keys = new ArrayList<>();
        List<String> genes = new ArrayList<>();
        List<String[]> cells = new ArrayList<>();
        List<Long> lineNumbers = new ArrayList<>();
        Map<String, GenePosition> positions = new LinkedHashMap<>();
        Set<String> usedAnnotations = new HashSet<>();
        long notAnnotated = 0;
        long repeated = 0;
        for (Line l : lines(setList)) {
            if (l.fields.length != 4) {
                throw InputException.atLine(setList, l.number, "expected 4 columns 'gene chrom pos variant,variant,...', found " + l.fields.length,
                        "separate the variant ids by commas without spaces");
            }
            String gene = l.fields[0];
            long pos;
            try {
                pos = Long.parseLong(l.fields[2]);
            } catch (NumberFormatException e) {
                throw InputException.atLine(setList, l.number, "position '" + l.fields[2] + "' is not a whole number", null);
            }
            if (positions.putIfAbsent(gene, new GenePosition(l.fields[1], pos)) != null) {
                throw InputException.atLine(setList, l.number, "set '" + gene + "' is listed twice", "list each gene's variants on one line");
            }
            Set<String> seen = new HashSet<>();
            for (String id : l.fields[3].split(",")) {
                if (id.isEmpty()) continue;
                String key = variantKey(id, setList, l.number);
                if (!seen.add(key)) { repeated++; continue; }
                String category = annotationOf.get(key + '\t' + gene);
                if (category == null) {
                    notAnnotated++;
                    category = NULL_CATEGORY;
                } else {
                    usedAnnotations.add(key + '\t' + gene);
                }
                keys.add(key);
                genes.add(gene);
                cells.add(new String[] {category});
                lineNumbers.add(l.number);
            }
        }
        List<String> report = new ArrayList<>();
        report.add(String.format("REGENIE sets: %d genes, %d variant-gene pairs; %d set-list variants without an annotation for their gene (category NULL), "
                + "%d repeated in their set (counted once), %d annotation lines outside every set (unused)",
                positions.size(), keys.size(), notAnnotated, repeated, annotationOf.size() - usedAnnotations.size()));
        if (keys.isEmpty()) throw InputException.of(setList, "no variant sets", "write one 'gene chrom pos variant,variant,...' per line");
        Map<String, String> chroms = new HashMap<>();
        positions.forEach((gene, p) -> chroms.put(gene, p.chrom()));
        long[] lineArray = lineNumbers.stream().mapToLong(Long::longValue).toArray();
        AnnotationTable table = AnnotationTable.ofRows(annoFile.toString(), List.of(ANNOTATION), keys, genes, cells, lineArray, true, chroms);
        if (notAnnotated > 0) categories.add(NULL_CATEGORY);
        Map<String, String> definitions = new LinkedHashMap<>();
        List<Mask> masks = readMasks(maskDef, categories, table, aafBins, singletons, report, definitions);
        RegenieMaskFiles files = new RegenieMaskFiles(table, masks, positions, report);
        files.definitions.putAll(definitions);
        return files;
    }

    private static List<Mask> readMasks(Path maskDef, Set<String> categories, AnnotationTable table, List<Double> aafBins,
                                        Mask.Singletons singletons, List<String> report, Map<String, String> definitions) {
        List<Mask> masks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Line l : lines(maskDef)) {
            if (l.fields.length != 2) {
                throw InputException.atLine(maskDef, l.number, "expected 2 columns 'mask annotation,annotation,...', found " + l.fields.length, null);
            }
            String name = l.fields[0];
            if (!names.add(name)) throw InputException.atLine(maskDef, l.number, "mask '" + name + "' is defined twice", null);
            definitions.put(name, l.fields[1]);
            StringBuilder expr = new StringBuilder();
            List<String> absent = new ArrayList<>();
            for (String c : l.fields[1].split(",")) {
                if (c.isEmpty()) continue;
                if (c.indexOf('\'') >= 0) throw InputException.atLine(maskDef, l.number, "annotation '" + c + "' contains a quote", null);
                if (!categories.contains(c)) absent.add(c);
                if (expr.length() > 0) expr.append(" || ");
                expr.append(ANNOTATION).append(" == '").append(c).append('\'');
            }
            if (expr.length() == 0) throw InputException.atLine(maskDef, l.number, "mask '" + name + "' lists no annotation", null);
            if (!absent.isEmpty()) {
                report.add("REGENIE mask '" + name + "': annotation(s) " + String.join(", ", absent) + " not in the annotation file");
            }
            MaskExpression e = MaskExpression.parse(expr.toString(), table.annotationColumns(), maskDef + ": line " + l.number);
            for (double bin : aafBins) masks.add(new Mask(name + "." + MaskFile.plain(bin), e, bin, true, Mask.Singletons.NONE));
            masks.add(new Mask(name + ".singleton", e, Double.NaN, true, singletons));
        }
        if (masks.isEmpty()) throw InputException.of(maskDef, "no masks defined", "write one 'mask annotation,annotation' per line");
        return masks;
    }

    /**
     * {@code chrom:pos:ref:alt} as an {@link AnnotationTable#key}; any other id (an rsid, a
     * PLINK/BGEN variant id) as an {@link AnnotationTable#idKey}, matched against the genotype
     * file's variant ids.
     */
    static String variantKey(String id, Path file, long line) {
        String[] p = id.split(":");
        if (p.length == 4 && !p[0].isEmpty() && !p[2].isEmpty() && !p[3].isEmpty() && !p[1].isEmpty() && p[1].chars().allMatch(Character::isDigit)) {
            return AnnotationTable.key(p[0], p[1], p[2], p[3]);
        }
        return AnnotationTable.idKey(id);
    }

    private record Line(long number, String[] fields) {}

    private static List<Line> lines(Path file) {
        List<Line> out = new ArrayList<>();
        try (BufferedReader r = TextInput.open(file)) {
            String s;
            long n = 0;
            while ((s = r.readLine()) != null) {
                n++;
                String t = s.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                out.add(new Line(n, SPACE.split(t)));
            }
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage(), null);
        }
        return out;
    }

    public AnnotationTable table() { return table; }
    public List<Mask> masks() { return masks; }
    /** Gene -> the set list's chromosome and position. */
    public Map<String, GenePosition> positions() { return positions; }
    /** Mask name -> its categories as written in the mask definitions, in file order. */
    public Map<String, String> definitions() { return definitions; }

    /** Lines saying what was skipped or unused, for the log. */
    public List<String> report() { return report; }
}
