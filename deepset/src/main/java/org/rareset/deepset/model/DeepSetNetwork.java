package org.rareset.deepset.model;

/**
 * One trained deep-set network, split at its pooling step so that a scoring engine can evaluate
 * phi once per distinct variant row and pool per sample without ever building a dense
 * samples x variants tensor.
 *
 * <p>For a sample s and gene g with carried annotation rows R(s,g) the network's score is
 * <pre>
 *   pooled = elementwise max( poolStart(), phi(r) for r in R(s,g) )     when R(s,g) is not empty
 *   score  = scoreEmbedding(pooled)                                    (rho, sign, sigmoid)
 *   score  = emptyScore()                                              when R(s,g) is empty
 * </pre>
 * DeepRVAT's published models pad the variant axis with an all-zero row and do not mask it, so
 * their {@link #poolStart()} is {@code phi(0)} and {@link #emptyScore()} is
 * {@code scoreEmbedding(phi(0))}. A network trained with a masked max uses a pool start of
 * {@code -infinity} everywhere and its own learned empty-gene score.
 *
 * <p>{@link MlpDeepSet} is the one implementation in RareSet, for DeepRVAT's checkpoints and for
 * trained ensembles alike; the interface is what the scoring engine needs, so tests can drive the
 * engine with networks whose scores are known by hand.
 *
 * <p>Implementations are immutable and safe to call from several threads at once. Matrices are
 * flat, row-major {@code double[]} arrays; implementations may compute in float32 internally.
 */
public interface DeepSetNetwork {

    /** Width of one annotation row (the number of model input columns). */
    int inputSize();

    /** Width of phi's output, the pooled embedding. */
    int embeddingSize();

    /**
     * Evaluates phi on {@code nRows} annotation rows.
     *
     * @param rows row-major {@code nRows x inputSize()} input values
     * @param nRows number of rows to embed (rows may be longer than needed)
     * @param out row-major {@code nRows x embeddingSize()} destination
     */
    void embed(double[] rows, int nRows, double[] out);

    /**
     * Initial value of the max-pool accumulator for a sample that carries at least one row: a
     * fresh array of length {@link #embeddingSize()}. Callers may modify the returned array.
     */
    double[] poolStart();

    /**
     * Scores {@code n} pooled embeddings: rho, the model's sign, then the sigmoid.
     *
     * @param pooled row-major {@code n x embeddingSize()} pooled embeddings
     * @param n number of embeddings
     * @param out destination for {@code n} scores in [0, 1]
     */
    void scoreEmbeddings(double[] pooled, int n, double[] out);

    /** Score of a sample that carries no variant row in a gene. */
    double emptyScore();
}
