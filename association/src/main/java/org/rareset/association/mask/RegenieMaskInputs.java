package org.rareset.association.mask;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rareset.core.InputException;

/**
 * REGENIE's gene-based mask files and mask-building choices as given ({@code --anno-file},
 * {@code --set-list}, {@code --mask-def}, {@code --aaf-bins}, {@code --build-mask},
 * {@code --singleton-carrier}), read with REGENIE's semantics (docs/regenie.md).
 *
 * @param buildMask the burden rule's name, {@code max} or {@code sum}
 */
public record RegenieMaskInputs(Path annoFile, Path setList, Path maskDef, List<Double> aafBins, String buildMask,
                                boolean singletonCarrier) {
    /** True when the REGENIE mask files are given (all three are then required). */
    public boolean given() {
        boolean any = annoFile != null || setList != null || maskDef != null;
        if (any && (annoFile == null || setList == null || maskDef == null)) {
            throw new InputException(null, null, "REGENIE masks need --anno-file, --set-list and --mask-def together", "give all three files");
        }
        return any;
    }

    /** The burden test {@code --build-mask} chooses. */
    public IndicatorBurden burden() {
        String rule = buildMask.toLowerCase(Locale.ROOT);
        if (rule.equals("max")) return IndicatorBurden.MAX;
        if (rule.equals("sum")) return IndicatorBurden.SUM;
        throw new InputException(null, null, "--build-mask '" + buildMask + "' is not a mask rule", "use max or sum ('comphet' is not supported)");
    }

    public RegenieMaskFiles read() {
        return RegenieMaskFiles.read(annoFile, setList, maskDef, aafBins,
                singletonCarrier ? Mask.Singletons.ONE_CARRIER : Mask.Singletons.ALT_COUNT_ONE);
    }
}
