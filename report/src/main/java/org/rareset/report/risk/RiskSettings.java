package org.rareset.report.risk;

import java.nio.file.Path;
import java.util.List;
import org.rareset.core.table.MissingValues;

/**
 * Everything one {@code risk} run is told; {@link RiskJob} checks and runs it. The meaning of each
 * value is the help text of the {@code risk} option of the same name.
 *
 * @param covar     covariate table, or null
 * @param genes     genes to use instead of choosing them on the training split, or null
 * @param traitType {@code auto}, {@code quantitative} or {@code binary}
 * @param out       the held-out individuals; the other files go beside it ({@link RiskFiles})
 * @param threads   genes tested at once on the training split (1 or more)
 */
public record RiskSettings(Path pheno, Path covar, MissingValues missing, Path scores, List<String> genes, double alpha,
                           int minCarriers, String trait, String traitType, double trainFraction, int bootstrap, long seed,
                           Path out, int threads) {}
