package org.rareset.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.cli.CliRun;

/** Every wrong key or value in study.yaml is one clear line naming the file and line, exit code 2. */
class StudyConfigTest {
    @TempDir Path dir;

    static final String GOOD = """
            study: s1
            output: out
            inputs:
              vcf: cohort.vcf.gz
              pheno: pheno.tsv
            phenotypes: [QT]
            """;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("cohort.vcf.gz"), "");
        Files.writeString(dir.resolve("pheno.tsv"), "sample\tQT\n");
    }

    String runBad(String yaml) throws Exception {
        Path cfg = dir.resolve("study.yaml");
        Files.writeString(cfg, yaml);
        CliRun cli = CliRun.run("pipeline", "--config", cfg.toString(), "--dry-run");
        assertEquals(2, cli.exit(), "exit code 2 for " + cli.err());
        String line = cli.err().lines().filter(l -> l.startsWith("rareset: error:")).findFirst().orElseThrow();
        assertTrue(line.contains(cfg.toString()), line);
        assertTrue(!cli.err().contains("\tat "), "no stack trace");
        return line;
    }

    @Test
    void goodConfigurationReadsWithDefaults() throws Exception {
        Path cfg = dir.resolve("study.yaml");
        Files.writeString(cfg, GOOD);
        StudyConfig c = StudyConfig.read(cfg);
        assertEquals("s1", c.study());
        assertEquals(dir.resolve("out").toAbsolutePath().normalize(), c.output());
        assertEquals(1, c.seed());
        assertTrue(c.stepEnabled(Steps.TRAIN));
        assertEquals(dir.resolve("pheno.tsv").toAbsolutePath().normalize(), c.input("pheno"));
    }

    @Test
    void unknownTopLevelKey() throws Exception {
        String e = runBad(GOOD + "treads: 4\n");
        assertTrue(e.contains("line 7: unknown key 'treads' at the top level (known keys: study, output, threads"), e);
    }

    @Test
    void unknownInputKeyWithSuggestion() throws Exception {
        String e = runBad(GOOD.replace("  pheno: pheno.tsv", "  pheno: pheno.tsv\n  Covar: covar.tsv"));
        assertTrue(e.contains("line 6: unknown key 'Covar' in inputs") && e.contains("did you mean 'covar'?"), e);
    }

    @Test
    void missingInputFile() throws Exception {
        String e = runBad(GOOD.replace("pheno: pheno.tsv", "pheno: phenotypes.tsv"));
        assertTrue(e.contains("line 5: inputs.pheno: " + dir.resolve("phenotypes.tsv") + " does not exist"), e);
    }

    @Test
    void missingFileInAStepSection() throws Exception {
        String e = runBad(GOOD + "annotate:\n  table: scores.tsv:CADD_PHRED\n");
        assertTrue(e.contains("line 8: annotate.table: " + dir.resolve("scores.tsv") + " does not exist"), e);
    }

    @Test
    void wrongThreadValue() throws Exception {
        String e = runBad(GOOD + "threads: many\n");
        assertTrue(e.contains("line 7: threads: 'many' is not an integer"), e);
    }

    @Test
    void zeroThreads() throws Exception {
        assertTrue(runBad(GOOD + "threads: 0\n").contains("threads: 0 is not between 1 and 4096"));
    }

    @Test
    void missingRequiredKey() throws Exception {
        String e = runBad(GOOD.replace("study: s1\n", ""));
        assertTrue(e.contains("required key 'study' is missing"), e);
    }

    @Test
    void badStudyName() throws Exception {
        assertTrue(runBad(GOOD.replace("study: s1", "study: my study/1")).contains("study name 'my study/1' has characters"));
    }

    @Test
    void stepSwitchMustBeBoolean() throws Exception {
        String e = runBad(GOOD + "steps:\n  train: maybe\n");
        assertTrue(e.contains("line 8: steps.train: 'maybe' is not true or false"), e);
    }

    @Test
    void unknownStepName() throws Exception {
        String e = runBad(GOOD + "steps:\n  training: false\n");
        assertTrue(e.contains("line 8: unknown key 'training' in steps"), e);
    }

    @Test
    void unknownOptionInAStepSection() throws Exception {
        String e = runBad(GOOD + "risk:\n  alfa: 0.01\n");
        assertTrue(e.contains("line 8: unknown key 'alfa' in risk") && e.contains("alpha"), e);
    }

    @Test
    void wrongValueInAStepSectionIsCheckedByTheCommandsParser() throws Exception {
        String e = runBad(GOOD + "risk:\n  alpha: lots\n");
        assertTrue(e.contains("line 8: risk: Invalid value for option '--alpha': 'lots' is not a double"), e);
    }

    @Test
    void optionsThePipelineSetsAreRefused() throws Exception {
        String e = runBad(GOOD + "report:\n  out: elsewhere\n");
        assertTrue(e.contains("line 8: report.out is set by the pipeline"), e);
        assertFalse(e.contains("threads"), "the hint about threads is for threads only: " + e);
        String seed = runBad(GOOD + "train:\n  seed: 3\n");
        assertTrue(seed.contains("line 8: train.seed is set by the pipeline") && seed.contains("(seed: at the top level)"), seed);
    }

    @Test
    void aSecondGenotypeSourceInAStepIsRefused() throws Exception {
        // the step would get --store (or --vcf) from the pipeline and --bfile from here: refused before anything runs
        String e = runBad(GOOD + "train:\n  bfile: cohort\n");
        assertTrue(e.contains("line 8: train.bfile is set by the pipeline") && e.contains("inputs.store"), e);
        String unknown = runBad(GOOD + "train:\n  bfiles: cohort\n");
        assertFalse(unknown.contains("bfile,"), "genotype sources are not offered as step keys: " + unknown);
    }

    /** --bim, --ref-first, ... qualify PLINK/BGEN reading, which no step does: accepted, they would do nothing. */
    @Test
    void plinkAndBgenQualifiersInAStepAreRefused() throws Exception {
        Files.writeString(dir.resolve("cohort.bim"), "");
        Files.writeString(dir.resolve("cohort.sample"), "");
        for (String entry : List.of("train:\n  ref_first: true\n", "assoc:\n  fid_iid: true\n", "ingest:\n  hard_call_threshold: 0.2\n",
                "seed_genes:\n  bim: cohort.bim\n", "score:\n  fam: cohort.bim\n", "assoc:\n  sample: cohort.sample\n")) {
            String step = entry.substring(0, entry.indexOf(':'));
            String key = entry.substring(entry.indexOf('\n') + 3, entry.lastIndexOf(':'));
            String e = runBad(GOOD + entry);
            assertTrue(e.contains("line 8: " + step + "." + key + " does nothing in the pipeline: --" + key.replace('_', '-')
                    + " is for PLINK/BGEN input") && e.contains("'rareset ingest'") && e.contains("inputs.store"), e);
        }
        String unknown = runBad(GOOD + "train:\n  ref_firsts: true\n");
        assertFalse(unknown.contains("ref_first,") || unknown.contains("hard_call_threshold"), "not offered as step keys: " + unknown);
    }

    /** Every option of the PLINK/BGEN mixin is either a genotype source or a qualifier the planner refuses. */
    @Test
    void everyPlinkAndBgenOptionIsRefusedInSteps() {
        var spec = picocli.CommandLine.Model.CommandSpec.forAnnotatedObject(new org.rareset.cli.options.GenotypeFileOptions());
        for (var o : spec.options()) {
            String n = o.longestName();
            assertTrue(StepPlanner.GENOTYPE_SOURCES.contains(n) || StepPlanner.GENOTYPE_FILE_QUALIFIERS.contains(n), n);
        }
    }

    @Test
    void riskTraitsMustBePhenotypes() throws Exception {
        String e = runBad(GOOD + "risk:\n  traits: [QT, LDL]\n");
        assertTrue(e.contains("line 8: risk.traits: 'LDL' is not one of the phenotypes"), e);
    }

    @Test
    void brokenYamlNamesTheLine() throws Exception {
        String e = runBad(GOOD + "inputs: [\n");
        assertTrue(e.contains("not valid YAML"), e);
    }

    @Test
    void duplicateKey() throws Exception {
        String e = runBad(GOOD + "study: again\n");
        assertTrue(e.contains("line 7: key 'study' appears twice at the top level"), e);
    }
}
