package org.rareset.core.concurrent;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part K (1-based) of N of a command's genes (or regions), so a workflow engine can spread one
 * command over N jobs and join them afterwards ({@code --chunk K/N}, {@code rareset merge}).
 *
 * <p>The split is deterministic and needs no coordination: the command lists its genes in its usual
 * order (the order a single run writes them), and gene {@code i} of {@code G} (0-based) belongs to
 * chunk {@code floor(i * N / G) + 1}, so chunks are contiguous blocks whose sizes differ by at most
 * one.
 */
public record Chunk(int k, int n) {
    public static final Pattern SYNTAX = Pattern.compile("(\\d+)/(\\d+)");

    public Chunk {
        if (n < 1 || k < 1 || k > n) throw new IllegalArgumentException("chunk " + k + "/" + n + " is not K/N with 1 <= K <= N");
    }

    public static Chunk parse(String s) {
        Matcher m = SYNTAX.matcher(s.trim());
        if (!m.matches()) throw new IllegalArgumentException("'" + s + "' is not K/N, for example 2/8");
        return new Chunk(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether item {@code i} of {@code count} belongs to this chunk. */
    public boolean contains(int i, int count) {
        return (int) ((long) i * n / count) == k - 1;
    }

    /** This chunk's contiguous block of {@code items}. */
    public <T> List<T> select(List<T> items) {
        int g = items.size();
        int from = (int) (((long) (k - 1) * g + n - 1) / n); // first i with floor(i n / g) >= k - 1
        int to = (int) (((long) k * g + n - 1) / n);
        return items.subList(Math.min(from, g), Math.min(to, g));
    }

    /** {@code chunk.select(items)}, or all of {@code items} when {@code chunk} is null. */
    public static <T> List<T> select(Chunk chunk, List<T> items) {
        return chunk == null ? items : chunk.select(items);
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }
}
