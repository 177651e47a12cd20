package org.rareset.annotate;

/**
 * A gene body: 1-based, inclusive coordinates on {@code chrom} (as named in the gene file).
 * {@code id} is the stable id without its version suffix ({@code ENSG00000141510}), {@code name}
 * the symbol ({@code TP53}), {@code biotype} e.g. {@code protein_coding} (empty when unknown).
 */
public record Gene(String id, String name, String biotype, String chrom, int start, int end) {
    public static final String PROTEIN_CODING = "protein_coding";

    public boolean isProteinCoding() {
        return PROTEIN_CODING.equals(biotype);
    }

    /** Ensembl ids carry a version ({@code ENSG00000141510.17}); matching ignores it. */
    public static String stripVersion(String id) {
        int dot = id.lastIndexOf('.');
        if (dot > 0 && id.startsWith("ENS") && dot < id.length() - 1) {
            for (int i = dot + 1; i < id.length(); i++) if (!Character.isDigit(id.charAt(i))) return id;
            return id.substring(0, dot);
        }
        return id;
    }
}
