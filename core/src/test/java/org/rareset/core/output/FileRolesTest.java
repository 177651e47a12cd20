package org.rareset.core.output;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;

/** No output may be an input: same name, through a symbolic or hard link, a temporary name, inside a replaced folder. */
class FileRolesTest {
    @TempDir Path dir;

    private InputException clash(FileRoles roles) {
        return assertThrows(InputException.class, roles::check);
    }

    @Test
    void theSameFileByAnotherSpellingIsRefusedNamingBoth() throws Exception {
        Path pheno = Files.writeString(dir.resolve("pheno.tsv"), "sample\tQT\n");
        Path spelled = dir.resolve("sub/../pheno.tsv");
        Files.createDirectories(dir.resolve("sub"));
        InputException e = clash(new FileRoles().input("--pheno", pheno).output("--out", spelled));
        assertTrue(e.getMessage().contains("--pheno") && e.getMessage().contains("--out")
                && e.getMessage().contains(pheno.toString()) && e.getMessage().contains(spelled.toString()), e.getMessage());
    }

    @Test
    void aSymbolicLinkToAnInputOrThroughALinkedFolderIsRefused() throws Exception {
        Path pheno = Files.writeString(dir.resolve("pheno.tsv"), "sample\tQT\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.tsv"), pheno);
        clash(new FileRoles().input("--pheno", link).output("--out", pheno));
        clash(new FileRoles().input("--pheno", pheno).output("--out", link));
        Path linkedDir = Files.createSymbolicLink(dir.resolve("alias"), dir);
        clash(new FileRoles().input("--pheno", pheno).output("--out", linkedDir.resolve("pheno.tsv")));
    }

    @Test
    void aHardLinkIsRefused() throws Exception {
        Path pheno = Files.writeString(dir.resolve("pheno.tsv"), "sample\tQT\n");
        Path hard = Files.createLink(dir.resolve("hard.tsv"), pheno);
        clash(new FileRoles().input("--pheno", pheno).output("--out", hard));
    }

    @Test
    void anInputNamedLikeAnOutputsTemporaryFileIsRefused() throws Exception {
        Path out = dir.resolve("results.tsv");
        Path temp = Files.writeString(dir.resolve(".results.tsv.1234.tmp"), "x\n");
        InputException e = clash(new FileRoles().input("--covar", temp).output("--out", out));
        assertTrue(e.getMessage().contains("temporary"), e.getMessage());
        assertTrue(OutputFiles.isTempOf(OutputFiles.temp(out, ".tmp"), out));
    }

    @Test
    void anInputInsideAReplacedFolderIsRefused() throws Exception {
        Path model = Files.createDirectories(dir.resolve("model"));
        Path inside = Files.writeString(model.resolve("seed_genes.tsv"), "x\n");
        clash(new FileRoles().input("--seed-genes", inside).outputFolder("--out", model));
        assertDoesNotThrow(() -> new FileRoles().input("--seed-genes", inside).outputFolder("--out", dir.resolve("model2")).check());
    }

    @Test
    void anOutputThatIsAnExistingFolderIsRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("results.tsv"));
        InputException e = clash(new FileRoles().output("--out", folder));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void distinctFilesPass() throws Exception {
        Path pheno = Files.writeString(dir.resolve("pheno.tsv"), "sample\tQT\n");
        assertDoesNotThrow(() -> new FileRoles().input("--pheno", pheno).output("--out", dir.resolve("results.tsv"))
                .output("summary", dir.resolve("new/folder/results.summary.tsv")).check());
    }
}
