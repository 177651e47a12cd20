package org.rareset.core.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.rareset.core.InputException;

/**
 * The files a command reads and the files it writes, checked before any work so that no input is
 * ever an output: an output (or its temporary name, or a side file such as
 * {@code <base>.summary.tsv}) that is the same file as an input, through symbolic or hard links
 * too, is refused with one line naming both.
 *
 * <p>Paths are compared as real paths: an existing path through {@link Path#toRealPath}, a path not
 * yet written through the real path of its nearest existing folder; two existing paths are also
 * compared with {@link Files#isSameFile} (same device and inode, i.e. hard links). An output folder
 * (one that is replaced as a whole) clashes with every input inside it.
 */
public final class FileRoles {
    /** A path with the role it plays, e.g. {@code --pheno} or {@code summary beside --out}. */
    public record Named(String role, Path path) {}

    private final List<Named> inputs = new ArrayList<>();
    private final List<Named> outputs = new ArrayList<>();
    private final List<Named> outputFolders = new ArrayList<>();

    /** A file or folder that is read; null is ignored. */
    public FileRoles input(String role, Path path) {
        if (path != null) inputs.add(new Named(role, path));
        return this;
    }

    public FileRoles inputs(String role, Collection<Path> paths) {
        if (paths != null) for (Path p : paths) input(role, p);
        return this;
    }

    /** A file that is written (replaced through a temporary name, or appended to); null is ignored. */
    public FileRoles output(String role, Path path) {
        if (path != null) outputs.add(new Named(role, path));
        return this;
    }

    /** A folder whose content is replaced as a whole: no input may be inside it. */
    public FileRoles outputFolder(String role, Path path) {
        if (path != null) outputFolders.add(new Named(role, path));
        return this;
    }

    public List<Named> inputs() { return List.copyOf(inputs); }
    public List<Named> outputs() { return List.copyOf(outputs); }

    /**
     * Refuses the first clash, and an output file that is an existing folder.
     *
     * @throws InputException {@code <output>: <role> is also the input <role> <path> ...}
     */
    public void check() {
        List<Path> realInputs = new ArrayList<>();
        for (Named in : inputs) realInputs.add(real(in.path()));
        for (Named out : outputs) {
            Path o = real(out.path());
            if (Files.isDirectory(o)) {
                throw new InputException(out.path().toString(), null, "cannot write: the output (" + out.role() + ") is a folder",
                        WriteFailure.Cause.IS_DIRECTORY.hint);
            }
            for (int i = 0; i < inputs.size(); i++) {
                Named in = inputs.get(i);
                Path r = realInputs.get(i);
                if (o.equals(r) || sameFile(o, r)) throw clash(out, in, "is the same file as");
                if (OutputFiles.isTempOf(r, o)) throw clash(out, in, "would be written through a temporary file that is");
            }
        }
        for (Named folder : outputFolders) {
            Path f = real(folder.path());
            for (int i = 0; i < inputs.size(); i++) {
                if (realInputs.get(i).startsWith(f)) throw clash(folder, inputs.get(i), "is a folder replaced as a whole that holds");
            }
        }
    }

    private static InputException clash(Named out, Named in, String relation) {
        return new InputException(out.path().toString(), null, "the output (" + out.role() + ") " + relation + " the input "
                + in.role() + " " + in.path() + "; writing it would destroy that input",
                "choose another output name or folder");
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The path with every symbolic link resolved, for a path that may not exist yet: the real path
     * of its nearest existing ancestor with the remaining names appended.
     */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        List<String> rest = new ArrayList<>();
        Path cur = abs;
        while (cur != null) {
            if (Files.exists(cur, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Path r = cur.toRealPath();
                    for (int i = rest.size() - 1; i >= 0; i--) r = r.resolve(rest.get(i));
                    return r;
                } catch (IOException e) {
                    break; // a dangling link or unreadable folder: compare the normalised path
                }
            }
            if (cur.getFileName() == null) break;
            rest.add(cur.getFileName().toString());
            cur = cur.getParent();
        }
        return abs;
    }
}
