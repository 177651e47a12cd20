package org.rareset.core.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;

/**
 * Write-then-rename: the target appears only when complete, the temporary file never survives a
 * failure, and a failure the user can fix is one line naming the target and the cause.
 *
 * <p>"No space" uses the real error of {@code /dev/full} (ENOSPC on every write) and "is a
 * directory" a real folder; "read-only" and "permission denied" are the exceptions Java throws for
 * EROFS and EACCES, built here, because the tests may run as root, for whom no folder is read-only
 * and mounting a read-only or tiny file system needs privileges.
 */
class OutputFilesTest {
    @TempDir Path dir;

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void writesThroughATemporaryNameAndRenames() throws Exception {
        Path target = dir.resolve("a/b/results.tsv");
        OutputFiles.write(target, tmp -> {
            assertTrue(OutputFiles.isTempOf(tmp, target), tmp.toString());
            assertTrue(ExitCleanup.pending().contains(tmp.toAbsolutePath()));
            assertFalse(Files.exists(target));
            Files.writeString(tmp, "x\n");
        });
        assertEquals("x\n", Files.readString(target));
        assertTrue(ExitCleanup.pending().stream().noneMatch(p -> OutputFiles.isTempOf(p, target)));
    }

    @Test
    void aFullDiskIsOneLineNamingTheTargetAndLeavesNoTemporaryFile() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "/dev/full is not available here");
        Path target = dir.resolve("results.tsv");
        InputException e = assertThrows(InputException.class, () -> OutputFiles.write(target, tmp -> {
            Files.writeString(tmp, "partial\n");
            try (FileOutputStream os = new FileOutputStream(full.toFile())) {
                os.write(new byte[4096]);
                os.flush();
            }
        }));
        assertEquals(target + ": cannot write: no space left on the device (free some space or write elsewhere)", e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aFolderInTheWayIsOneLine() throws Exception {
        Path target = Files.createDirectories(dir.resolve("results.tsv"));
        // what a writer opening the path itself meets: the operating system's EISDIR
        FileSystemException real = assertThrows(FileSystemException.class, () -> Files.newOutputStream(target).close());
        assertEquals(WriteFailure.Cause.IS_DIRECTORY, WriteFailure.causeOf(real));
        InputException e = assertThrows(InputException.class, () -> WriteFailure.checkWritable(target, true));
        assertTrue(e.getMessage().startsWith(target + ": cannot write: the output path is a folder"), e.getMessage());
    }

    @Test
    void readOnlyAndPermissionFailuresAreOneLineNamingTheTarget() throws Exception {
        Path target = dir.resolve("results.tsv");
        InputException ro = assertThrows(InputException.class, () -> OutputFiles.write(target, tmp -> {
            throw new FileSystemException(tmp.toString(), null, "Read-only file system");
        }));
        assertEquals(target + ": cannot write: the file system is read-only (write to a writable folder)", ro.getMessage());
        InputException denied = assertThrows(InputException.class, () -> OutputFiles.write(target, tmp -> {
            throw new AccessDeniedException(tmp.toString());
        }));
        assertTrue(denied.getMessage().startsWith(target + ": cannot write: permission denied"), denied.getMessage());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void anUnrelatedFailureStaysAsItIsAndStillLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("results.tsv");
        IOException e = assertThrows(IOException.class, () -> OutputFiles.write(target, tmp -> {
            Files.writeString(tmp, "partial\n");
            throw new IOException("bad format");
        }));
        assertEquals("bad format", e.getMessage());
        assertNull(WriteFailure.causeOf(e));
        assertEquals(List.of(), leftovers());
        assertFalse(Files.exists(target));
    }

    @Test
    void aFolderReplacesTheOldOneWhole() throws Exception {
        Path target = dir.resolve("model");
        Files.createDirectories(target.resolve("old-only"));
        Files.writeString(target.resolve("model.json"), "old");
        Path temp = OutputFiles.temp(target, OutputFiles.TEMP_SUFFIX);
        Files.createDirectories(temp);
        Files.writeString(temp.resolve("model.json"), "new");
        OutputFiles.commitFolder(temp, target);
        assertEquals("new", Files.readString(target.resolve("model.json")));
        assertFalse(Files.exists(target.resolve("old-only")), "nothing of the old folder is left in it");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList(), "neither the temporary nor the old folder is left beside it");
        }
        assertTrue(ExitCleanup.pending().stream().noneMatch(p -> OutputFiles.isTempOf(p, target)));
    }

    @Test
    void aFailedFolderRenameKeepsTheOldFolder() throws Exception {
        Path target = dir.resolve("model");
        Files.createDirectories(target);
        Files.writeString(target.resolve("model.json"), "old");
        Path missing = dir.resolve(".model.gone.tmp");
        assertThrows(IOException.class, () -> OutputFiles.commitFolder(missing, target));
        assertEquals("old", Files.readString(target.resolve("model.json")));
        assertEquals(List.of(), leftovers());
    }

    /** As a kill between commitFolder's two renames leaves it: no target, the old folder under its hidden name. */
    @Test
    void aFolderSetAsideByAKilledCommitIsPutBack() throws Exception {
        Path target = dir.resolve("model");
        Path older = dir.resolve(".model.1a2b.old.tmp");
        Path aside = dir.resolve(".model.3c4d.old.tmp");
        Files.createDirectories(older);
        Files.writeString(older.resolve("model.json"), "older");
        Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        Files.createDirectories(aside);
        Files.writeString(aside.resolve("model.json"), "old");
        Path unrelated = dir.resolve(".model2.5e6f.old.tmp");
        Files.createDirectories(unrelated);
        assertEquals(aside.toAbsolutePath(), OutputFiles.setAsideFolder(target), "the folder recoverFolder would put back");
        assertTrue(Files.exists(aside) && Files.exists(older) && !Files.exists(target), "setAsideFolder moves nothing");
        assertTrue(OutputFiles.recoverFolder(target));
        assertNull(OutputFiles.setAsideFolder(target), "the target exists");
        assertEquals("old", Files.readString(target.resolve("model.json")), "the most recently set aside comes back");
        assertFalse(Files.exists(older), "an older one is deleted");
        assertFalse(Files.exists(aside));
        assertTrue(Files.exists(unrelated), "another target's folder is left alone");
        assertFalse(OutputFiles.recoverFolder(target), "nothing more to do");
    }

    /** As a kill after the new folder moved in but before the old one was deleted leaves it. */
    @Test
    void aFolderSetAsideBesideItsTargetIsDeleted() throws Exception {
        Path target = dir.resolve("model");
        Files.createDirectories(target);
        Files.writeString(target.resolve("model.json"), "new");
        Path aside = dir.resolve(".model.3c4d.old.tmp");
        Files.createDirectories(aside);
        Files.writeString(aside.resolve("model.json"), "old");
        assertNull(OutputFiles.setAsideFolder(target), "nothing to put back beside an existing target");
        assertFalse(OutputFiles.recoverFolder(target));
        assertEquals("new", Files.readString(target.resolve("model.json")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    @Test
    void aPendingFileAppearsOnlyWhenCommitted() throws Exception {
        Path target = dir.resolve("t/rows.tsv");
        OutputFiles.Pending p = OutputFiles.pending(target);
        assertTrue(OutputFiles.isTempOf(p.temp(), target));
        Files.writeString(p.temp(), "a\n");
        assertFalse(Files.exists(target));
        p.commit();
        assertEquals("a\n", Files.readString(target));
        OutputFiles.Pending q = OutputFiles.pending(target);
        Files.writeString(q.temp(), "b\n");
        q.discard();
        assertEquals("a\n", Files.readString(target));
        assertFalse(Files.exists(q.temp()));
        assertTrue(ExitCleanup.pending().stream().noneMatch(x -> OutputFiles.isTempOf(x, target)));
    }

    @Test
    void theExitHookDeletesRegisteredFilesAndFolders() throws Exception {
        Path file = OutputFiles.temp(dir.resolve("x.tsv"), ".tmp");
        Files.writeString(file, "partial");
        Path folder = OutputFiles.temp(dir.resolve("model"), ".tmp");
        Files.createDirectories(folder.resolve("deep"));
        Files.writeString(folder.resolve("deep/w.params"), "w");
        assertTrue(ExitCleanup.deleteAll() >= 2);
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(folder));
    }
}
