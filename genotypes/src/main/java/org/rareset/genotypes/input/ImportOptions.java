package org.rareset.genotypes.input;

/**
 * How PLINK 1 binary and BGEN files are read into REF/ALT genotypes. VCF/BCF ignore these: their
 * REF, ALT and sample names are explicit.
 *
 * @param refFirst           the first allele is REF (.bim column 5 = A1, BGEN's first allele);
 *                           otherwise the last allele is REF (.bim column 6 = A2, BGEN's last
 *                           allele), as plink2 writes both formats by default and REGENIE reads them
 * @param fidIid             sample ids are {@code FID_IID} (plink2's {@code id-paste=fid,iid} with
 *                           the default delimiter '_'); otherwise the IID alone
 * @param hardCallThreshold  a BGEN call is kept when {@code 0.5 * sum_i |x_i - round(x_i)|} over its
 *                           allele dosages {@code x_i} is at most this, else it counts as missing
 *                           (plink2's {@code --hard-call-threshold}, default 0.1)
 */
public record ImportOptions(boolean refFirst, boolean fidIid, double hardCallThreshold) {
    /** plink2's default hard-call threshold for dosage import. */
    public static final double DEFAULT_HARD_CALL_THRESHOLD = 0.1;

    public ImportOptions {
        if (!(hardCallThreshold >= 0 && hardCallThreshold <= 0.5)) {
            throw new IllegalArgumentException("hard-call threshold " + hardCallThreshold + " is not in [0, 0.5]");
        }
    }

    /** The last allele is REF, sample ids are IIDs, threshold 0.1. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, false, DEFAULT_HARD_CALL_THRESHOLD);
    }
}
