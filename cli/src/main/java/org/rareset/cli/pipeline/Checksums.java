package org.rareset.cli.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * SHA-256 of input files and folders (a folder: its files' relative paths and contents, in sorted
 * order). A previous manifest's checksum is reused when size and modification time are unchanged,
 * as make and rsync do, so resuming does not re-read large inputs.
 */
final class Checksums {
    private Checksums() {}

    /** A file's identity: checksum plus the size and time that let it be reused. */
    record Entry(String path, long size, long modified, String sha256) {}

    static Entry of(Path p, Map<String, Entry> previous) {
        return of(p, p, previous);
    }

    /**
     * The entry of {@code p} with the content now at {@code at}: a folder a stopped run set aside,
     * read where it lies by a plan that moves nothing (its files keep their sizes and times when
     * put back, and a folder's checksum names its files relative to the folder).
     */
    static Entry of(Path p, Path at, Map<String, Entry> previous) {
        try {
            long size = size(at);
            long modified = modified(at);
            Entry old = previous.get(p.toString());
            if (old != null && old.size() == size && old.modified() == modified) return old;
            return new Entry(p.toString(), size, modified, sha256(at));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path p) throws IOException {
        if (!Files.isDirectory(p)) return Files.size(p);
        long s = 0;
        for (Path f : files(p)) s += Files.size(f);
        return s;
    }

    private static long modified(Path p) throws IOException {
        if (!Files.isDirectory(p)) return Files.getLastModifiedTime(p).toMillis();
        long m = 0;
        for (Path f : files(p)) m = Math.max(m, Files.getLastModifiedTime(f).toMillis());
        return m;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            // hidden files are bookkeeping, not content: a workflow engine's marker (Snakemake's
            // .snakemake_timestamp in a directory() output) must not make the steps after it rerun
            return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(Manifest.FILE))
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    static String sha256(Path p) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        List<Path> list = Files.isDirectory(p) ? files(p) : List.of(p);
        for (Path f : list) {
            if (Files.isDirectory(p)) md.update(p.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(f)) {
                int n;
                while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
