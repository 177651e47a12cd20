package org.rareset.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.cli.CliRun;

/**
 * What a workflow engine uses: {@code --plan} (the DAG with inputs and outputs), {@code --step}
 * (one step, refusing to start before the steps it reads from), and {@code --dry-run} saying why a
 * step would run. On the bundled cohort with the quick configuration of {@link PipelineCommandTest}
 * (ingest, annotate, assoc, report).
 */
class PipelineStepAndDryRunTest {
    @TempDir Path dir;

    Path config(String assocTests) throws Exception {
        Path demo = Path.of(System.getProperty("rareset.testdata"), "demo").toAbsolutePath();
        Path cfg = dir.resolve("study.yaml");
        Files.writeString(cfg, """
                study: quick
                output: out
                threads: 1
                inputs:
                  vcf: %1$s/cohort.vcf.gz
                  genes: %1$s/genes.bed
                  pheno: %1$s/pheno.tsv
                  covar: %1$s/covar.tsv
                phenotypes: [QT]
                steps:
                  seed_genes: false
                  train: false
                  score: false
                  risk: false
                annotate:
                  genes: %1$s/genes.bed
                  table: "%1$s/annotations.tsv:is_plof,CADD_PHRED"
                assoc:
                  tests: [%2$s]
                """.formatted(demo, assocTests));
        return cfg;
    }

    @Test
    void planListsEveryStepWithItsInputsOutputsAndWhatItReadsFrom() throws Exception {
        Path cfg = config("burden");
        CliRun r = run("pipeline", "--config", cfg.toString(), "--plan");
        assertEquals(0, r.exit(), r.err());
        JsonObject plan = JsonParser.parseString(r.out()).getAsJsonObject();
        Path out = dir.resolve("out").toAbsolutePath();
        assertEquals(out.toString(), plan.get("output").getAsString());
        List<String> names = new ArrayList<>();
        for (var e : plan.getAsJsonArray("steps")) names.add(e.getAsJsonObject().get("name").getAsString());
        assertEquals(Steps.NAMES, names, "every step, in run order");
        JsonObject assoc = step(plan, "assoc");
        assertEquals("run", assoc.get("state").getAsString());
        assertEquals(List.of("ingest", "annotate"), strings(assoc.getAsJsonArray("needs")));
        List<String> inputs = strings(assoc.getAsJsonArray("inputs"));
        assertTrue(inputs.contains(out.resolve("1-ingest/cohort.rsg").toString()), "assoc reads the store: " + inputs);
        assertTrue(inputs.contains(out.resolve("2-annotate/annotations.tsv").toString()), inputs.toString());
        assertEquals(out.resolve("6-assoc/results.tsv").toString(), assoc.getAsJsonObject("outputs").get("results").getAsString());
        assertTrue(assoc.get("fingerprint").getAsString().contains("--tests burden"), "options are part of the fingerprint");
        assertEquals("switched off", step(plan, "train").get("state").getAsString());
        assertFalse(Files.exists(out), "--plan runs nothing");
    }

    @Test
    void theVcfIsDecodedOnceEveryLaterStepReadsTheStore() {
        Path demo = Path.of(System.getProperty("rareset.testdata"), "demo").toAbsolutePath().normalize();
        CliRun r = run("pipeline", "--config", demo.resolve("study.yaml").toString(), "--output", dir.resolve("out").toString(), "--plan");
        assertEquals(0, r.exit(), r.err());
        JsonObject plan = JsonParser.parseString(r.out()).getAsJsonObject();
        String store = dir.resolve("out/1-ingest/cohort.rsg").toAbsolutePath().toString(), vcf = demo.resolve("cohort.vcf.gz").toString();
        for (String s : List.of("seed_genes", "train", "score", "assoc")) {
            JsonObject step = step(plan, s);
            List<String> inputs = strings(step.getAsJsonArray("inputs"));
            assertTrue(inputs.contains(store) && !inputs.contains(vcf), s + " reads the store, not the VCF: " + inputs);
            assertTrue(strings(step.getAsJsonArray("needs")).contains("ingest"), s);
            assertTrue(strings(step.getAsJsonArray("commands")).get(0).contains(" --store " + store), s);
        }
        assertEquals(List.of(vcf), strings(step(plan, "ingest").getAsJsonArray("inputs")));
        assertEquals(List.of("model"), strings(step(plan, "train").getAsJsonArray("folder_outputs")));
    }

    /** train.cv_folds goes to train and score; the pipeline's default is 5 folds, 1 turns cross-validation off. */
    @Test
    void crossValidationFoldsReachTrainAndScore() throws Exception {
        Path demo = Path.of(System.getProperty("rareset.testdata"), "demo").toAbsolutePath().normalize();
        JsonObject plan = plan(demo.resolve("study.yaml"));
        assertTrue(command(plan, "train").contains(" --cv-folds 2 "), command(plan, "train"));
        assertTrue(command(plan, "score").contains(" --cv-folds 2 "), command(plan, "score"));

        String yaml = Files.readString(demo.resolve("study.yaml")).replace("output: ../../work-tmp/demo", "output: " + dir.resolve("o"))
                .replace("cohort.vcf.gz", demo.resolve("cohort.vcf.gz").toString())
                .replace("genes.bed", demo.resolve("genes.bed").toString())
                .replace("pheno.tsv", demo.resolve("pheno.tsv").toString())
                .replace("covar.tsv", demo.resolve("covar.tsv").toString())
                .replace("annotations.tsv:", demo.resolve("annotations.tsv") + ":");
        Path noKey = Files.writeString(dir.resolve("five.yaml"), yaml.replaceAll("\\n  cv_folds: 2[^\\n]*", ""));
        plan = plan(noKey);
        assertTrue(command(plan, "train").contains(" --cv-folds 5 "), command(plan, "train"));
        assertTrue(command(plan, "score").contains(" --cv-folds 5 "), command(plan, "score"));

        Path off = Files.writeString(dir.resolve("one.yaml"), yaml.replace("cv_folds: 2", "cv_folds: 1"));
        plan = plan(off);
        assertTrue(command(plan, "train").contains(" --cv-folds 1 "), command(plan, "train"));
        assertFalse(command(plan, "score").contains("--cv-folds"), command(plan, "score"));

        Path bad = Files.writeString(dir.resolve("bad.yaml"), yaml.replace("cv_folds: 2", "cv_folds: two"));
        CliRun r = run("pipeline", "--config", bad.toString(), "--plan");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("train.cv_folds: 'two' is not a whole number >= 1"), r.err());
    }

    private static JsonObject plan(Path config) {
        CliRun r = run("pipeline", "--config", config.toString(), "--plan");
        assertEquals(0, r.exit(), r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    private static String command(JsonObject plan, String step) {
        return strings(step(plan, step).getAsJsonArray("commands")).get(0) + " ";
    }

    @Test
    void oneStepAtATimeGivesThePipelinesFoldersAndDryRunSaysWhy() throws Exception {
        Path cfg = config("burden");
        // assoc before the steps it reads from: one line naming the missing file and the step to run
        CliRun early = run("pipeline", "--config", cfg.toString(), "--step", "assoc");
        assertEquals(2, early.exit(), early.err());
        assertTrue(early.err().contains("cohort.rsg: not found: step assoc reads it from step ingest")
                && early.err().contains("run step ingest first"), early.err());
        assertFalse(Files.exists(dir.resolve("out/6-assoc")));

        for (String s : List.of("ingest", "annotate", "assoc", "report")) {
            CliRun r = run("pipeline", "--config", cfg.toString(), "--step", s);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.err().contains("pipeline: step " + s + ": ran"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("out/.partial/6-assoc")), "staging folder renamed into place");
        CliRun dry = run("pipeline", "--config", cfg.toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        for (String s : List.of("ingest", "annotate", "assoc", "report")) {
            assertTrue(dry.out().contains(String.format("%-10s up to date%n", s)), "the steps' manifests are the pipeline's: " + dry.out());
        }
        // and the whole pipeline agrees: nothing to do
        CliRun whole = run("pipeline", "--config", cfg.toString());
        assertEquals(0, whole.exit(), whole.err());
        assertTrue(whole.err().contains("pipeline: step assoc: up to date"), whole.err());

        // an option changed: assoc reruns for that reason, the report after it if assoc's results change
        Files.writeString(cfg, Files.readString(cfg).replace("tests: [burden]", "tests: [burden, skat]"));
        dry = run("pipeline", "--config", cfg.toString(), "--dry-run");
        assertTrue(dry.out().contains("assoc      runs: command changed:") && dry.out().contains("--tests burden,skat"), dry.out());
        assertTrue(dry.out().contains("report     up to date now; reruns if the outputs of assoc change"), dry.out());
        assertTrue(dry.out().contains(String.format("ingest     up to date%n")), dry.out());

        // an output missing
        Files.delete(dir.resolve("out/8-report/quick.html"));
        dry = run("pipeline", "--config", cfg.toString(), "--dry-run", "--step", "report");
        assertTrue(dry.out().contains("report     runs: output missing: " + dir.resolve("out/8-report/quick.html").toAbsolutePath()), dry.out());

        // a step that does not exist
        CliRun bad = run("pipeline", "--config", cfg.toString(), "--step", "asoc");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--step: no step 'asoc'; the steps are ingest, annotate"), bad.err());
    }

    @Test
    void assocInGeneChunksMergedGivesTheStepRunInOneJob() throws Exception {
        Path cfg = config("burden, skat, acato");
        for (String s : List.of("ingest", "annotate", "assoc")) assertEquals(0, run("pipeline", "--config", cfg.toString(), "--step", s).exit());
        Path whole = dir.resolve("whole");
        Files.move(dir.resolve("out/6-assoc"), whole);

        CliRun early = run("pipeline", "--config", cfg.toString(), "--step", "assoc", "--merge-chunks", "3");
        assertEquals(2, early.exit(), early.err());
        assertTrue(early.err().contains("chunk1-of-3: not found: chunk 1 of 3 of step assoc has not run"), early.err());
        JsonObject plan = JsonParser.parseString(run("pipeline", "--config", cfg.toString(), "--chunks", "3", "--plan").out()).getAsJsonObject();
        assertEquals(3, step(plan, "assoc").get("chunks").getAsInt());
        assertEquals(1, step(plan, "annotate").get("chunks").getAsInt());
        List<String> folders = strings(step(plan, "assoc").getAsJsonArray("chunk_folders"));
        for (int k = 1; k <= 3; k++) {
            CliRun r = run("pipeline", "--config", cfg.toString(), "--step", "assoc", "--chunk", k + "/3");
            assertEquals(0, r.exit(), r.err());
            assertTrue(Files.isRegularFile(Path.of(folders.get(k - 1)).resolve("results.tsv")), folders.get(k - 1));
        }
        assertFalse(Files.exists(dir.resolve("out/6-assoc")), "a chunk leaves the step folder alone");
        CliRun merge = run("pipeline", "--config", cfg.toString(), "--step", "assoc", "--merge-chunks", "3");
        assertEquals(0, merge.exit(), merge.err());
        List<String> got = new ArrayList<>();
        try (var files = Files.list(whole)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                got.add(name);
                if (name.equals("manifest.json")) continue;
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(dir.resolve("out/6-assoc").resolve(name)), name);
            }
        }
        assertTrue(got.contains("results.tsv") && got.contains("results.summary.tsv") && got.size() > 4, got.toString());
        try (var files = Files.list(dir.resolve("out/6-assoc"))) {
            assertEquals(got.size(), files.count(), "the same files");
        }
        CliRun dry = run("pipeline", "--config", cfg.toString(), "--dry-run", "--step", "assoc");
        assertTrue(dry.out().contains(String.format("%-10s up to date%n", "assoc")), "the merge wrote the step's manifest: " + dry.out());

        CliRun wrong = run("pipeline", "--config", cfg.toString(), "--step", "annotate", "--chunk", "1/3");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().contains("--chunk: runs with --step assoc only"), wrong.err());
    }

    @Test
    void aGivenStoreTakesTheIngestStepsPlaceAndEveryStepReadsIt() throws Exception {
        Path sim = dir.resolve("sim");
        CliRun made = run("simulate", "--samples", "300", "--genes", "20", "--store", "--out", sim.toString(), "-q");
        assertEquals(0, made.exit(), made.err());
        Path cfg = dir.resolve("store.yaml");
        String yaml = """
                study: stored
                output: out
                inputs:
                  store: sim/cohort.rsg
                  annotations: sim/annotations.tsv
                  pheno: sim/pheno.tsv
                  covar: sim/covar.tsv
                phenotypes: [QT]
                steps:
                  train: false
                  score: false
                  risk: false
                """;
        Files.writeString(cfg, yaml);
        CliRun r = run("pipeline", "--config", cfg.toString(), "--plan");
        assertEquals(0, r.exit(), r.err());
        JsonObject plan = JsonParser.parseString(r.out()).getAsJsonObject();
        String store = sim.resolve("cohort.rsg").toAbsolutePath().toString();
        assertEquals("given", step(plan, "ingest").get("state").getAsString());
        for (String s : List.of("seed_genes", "assoc")) {
            assertTrue(strings(step(plan, s).getAsJsonArray("commands")).get(0).contains(" --store " + store), s);
        }
        Files.writeString(cfg, yaml.replace("inputs:\n", "inputs:\n  vcf: sim/cohort.rsg\n"));
        CliRun both = run("pipeline", "--config", cfg.toString(), "--plan");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("inputs has both vcf and store"), both.err());
        Files.writeString(cfg, yaml.replace("  annotations: sim/annotations.tsv\n", ""));
        CliRun noAnnotations = run("pipeline", "--config", cfg.toString(), "--plan");
        assertEquals(2, noAnnotations.exit());
        assertTrue(noAnnotations.err().contains("inputs.store needs inputs.annotations"), noAnnotations.err());
    }

    @Test
    void changedInputIsNamed() throws Exception {
        Path cfg = config("burden");
        for (String s : List.of("ingest", "annotate", "assoc")) assertEquals(0, run("pipeline", "--config", cfg.toString(), "--step", s).exit());
        Path ann = dir.resolve("out/2-annotate/annotations.tsv");
        // same size, other content: the checksum tells (the time moved, so it is recomputed)
        String text = Files.readString(ann);
        int i = text.lastIndexOf("\t0");
        Files.writeString(ann, text.substring(0, i) + "\t1" + text.substring(i + 2));
        CliRun dry = run("pipeline", "--config", cfg.toString(), "--dry-run", "--step", "assoc");
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().contains("assoc      runs: input changed: " + ann.toAbsolutePath()), dry.out());
    }

    /**
     * A run killed between the renames that replace a step folder leaves it under a hidden name; the
     * next run puts it back before checking the step. The dry run moves nothing, reads the folders
     * where they lie (the step's own and those of the steps it reads from), and says it would put them back.
     */
    @Test
    void dryRunSeesStepFoldersSetAsideAsTheRunWillAndMovesNothing() throws Exception {
        Path cfg = config("burden");
        for (String s : List.of("ingest", "annotate", "assoc")) assertEquals(0, run("pipeline", "--config", cfg.toString(), "--step", s).exit());
        Path out = dir.resolve("out");
        Path annotateAside = out.resolve(".2-annotate.0123abcd.old.tmp"), assocAside = out.resolve(".6-assoc.4567cdef.old.tmp");
        Files.move(out.resolve("2-annotate"), annotateAside);
        Files.move(out.resolve("6-assoc"), assocAside);

        CliRun dry = run("pipeline", "--config", cfg.toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().contains(String.format("ingest     up to date%n")), dry.out());
        assertTrue(dry.out().contains(String.format("annotate   up to date (first puts back the step folder a stopped run set aside: "
                + ".2-annotate.0123abcd.old.tmp)%n")), dry.out());
        // assoc's input annotations.tsv is read inside the folder set aside: unchanged, so assoc is up to date
        assertTrue(dry.out().contains(String.format("assoc      up to date (first puts back the step folder a stopped run set aside: "
                + ".6-assoc.4567cdef.old.tmp)%n")), dry.out());
        assertTrue(dry.out().contains("report     runs: not run yet"), dry.out());
        assertTrue(Files.isDirectory(annotateAside) && Files.isDirectory(assocAside), "the dry run moves nothing");
        assertFalse(Files.exists(out.resolve("2-annotate")) || Files.exists(out.resolve("6-assoc")));

        // and the run agrees: it puts the folders back and finds the steps up to date
        for (String s : List.of("annotate", "assoc")) {
            CliRun r = run("pipeline", "--config", cfg.toString(), "--step", s);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.err().contains("pipeline: step " + s + ": put back the step folder a stopped run had set aside")
                    && r.err().contains("pipeline: step " + s + ": up to date"), r.err());
        }
        assertFalse(Files.exists(annotateAside) || Files.exists(assocAside));
    }

    private static JsonObject step(JsonObject plan, String name) {
        for (var e : plan.getAsJsonArray("steps")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) return e.getAsJsonObject();
        }
        throw new AssertionError("no step " + name);
    }

    private static List<String> strings(JsonArray a) {
        List<String> s = new ArrayList<>();
        a.forEach(x -> s.add(x.getAsString()));
        return s;
    }
}
