package org.rareset.cli.options;

import java.util.List;
import org.rareset.core.concurrent.Chunk;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --chunk K/N}: process only the K-th of N parts of the genes (or regions), so a workflow
 * engine can spread one command over N jobs and join them with {@code rareset merge}; how genes
 * are split is {@link Chunk}'s. Mix in with {@code @Mixin ChunkOptions chunk;} and call
 * {@link #select} on the gene list.
 */
public final class ChunkOptions {
    /** picocli converter: a bad value names the option and the expected form. */
    public static final class Converter implements ITypeConverter<Chunk> {
        @Override
        public Chunk convert(String value) {
            try {
                return Chunk.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--chunk", paramLabel = "K/N", converter = Converter.class,
            description = "Process only part K of N of the genes (contiguous blocks in the command's gene order); "
                    + "join the parts with 'rareset merge'.")
    public Chunk chunk;

    /** The items of this chunk, or all of them without --chunk. */
    public <T> List<T> select(List<T> items) {
        return Chunk.select(chunk, items);
    }

    public boolean active() {
        return chunk != null;
    }
}
