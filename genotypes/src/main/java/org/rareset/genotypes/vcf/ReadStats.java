package org.rareset.genotypes.vcf;

/**
 * What a {@link VcfVariantSource} read and what it skipped, so nothing is dropped silently.
 * Filled while iterating; read it after the iteration.
 */
public final class ReadStats implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    long records;
    long variants;
    long multiAllelicRecords;
    long failedFilterRecords;
    long noAltRecords;
    /** ALT alleles left out, by {@link AlleleKind} ordinal (SEQUENCE unused). */
    final long[] skippedAlleles = new long[AlleleKind.values().length];
    long symbolicKept;
    long halfCalls;
    long shortRecords;
    long gtNotFirstRecords;

    /** Records read (inside the regions, if any), before the PASS filter. */
    public long records() { return records; }

    /** Variants produced, one per ALT allele of each kept record. */
    public long variants() { return variants; }

    /** Kept records with more than one ALT allele, split into one variant per ALT. */
    public long multiAllelicRecords() { return multiAllelicRecords; }

    /** Records skipped by {@code --pass-only} because their FILTER is neither PASS nor '.'. */
    public long failedFilterRecords() { return failedFilterRecords; }

    /** Records skipped because their ALT is '.' (no alternate allele). */
    public long noAltRecords() { return noAltRecords; }

    /** ALT alleles of kind {@code kind} left out of the variants (never counted for SEQUENCE). */
    public long skippedAlleles(AlleleKind kind) { return skippedAlleles[kind.ordinal()]; }

    /** Symbolic SV alleles kept as variants of their own ({@code --keep-symbolic}). */
    public long symbolicKept() { return symbolicKept; }

    /** Half-missing calls ({@code 0/.}, {@code 1/.}) read by the {@link HalfCall} rule. */
    public long halfCalls() { return halfCalls; }

    /** Records with only the 8 site columns (no FORMAT), their samples read as missing as htslib does. */
    public long shortRecords() { return shortRecords; }

    /** Records whose GT is not the first FORMAT key (read all the same). */
    public long gtNotFirstRecords() { return gtNotFirstRecords; }

    /** One record read from a file whose decoder lives outside this package (PLINK, BGEN). */
    /**
     * Whether an ALT allele becomes a variant: sequence alleles, and symbolic SV alleles with
     * {@code --keep-symbolic}; any other allele (spanning deletion, gVCF, breakend) is counted by kind.
     * The same rule for every genotype format: plink2 and BGEN writers keep {@code <DEL>} or {@code *} as allele codes.
     */
    public boolean admit(String alt, boolean keepSymbolic) {
        AlleleKind kind = AlleleKind.of(alt);
        boolean use = kind == AlleleKind.SEQUENCE || (kind == AlleleKind.SYMBOLIC_SV && keepSymbolic);
        if (!use) skippedAlleles[kind.ordinal()]++;
        else if (kind == AlleleKind.SYMBOLIC_SV) symbolicKept++;
        return use;
    }

    public void countRecord(int nAlts) {
        records++;
        if (nAlts == 0) noAltRecords++;
        if (nAlts > 1) multiAllelicRecords++;
        variants += nAlts;
    }

    /** Adds {@code other}'s counts to these (several files read into one store). */
    public void add(ReadStats other) {
        records += other.records;
        variants += other.variants;
        multiAllelicRecords += other.multiAllelicRecords;
        failedFilterRecords += other.failedFilterRecords;
        noAltRecords += other.noAltRecords;
        for (int k = 0; k < skippedAlleles.length; k++) skippedAlleles[k] += other.skippedAlleles[k];
        symbolicKept += other.symbolicKept;
        halfCalls += other.halfCalls;
        shortRecords += other.shortRecords;
        gtNotFirstRecords += other.gtNotFirstRecords;
    }
}
