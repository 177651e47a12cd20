package org.rareset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rareset.cli.CliRun.run;

import java.io.IOException;
import org.rareset.core.formats.GeneScoreFile;
import org.rareset.core.formats.SparseGeneScores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.rareset.core.table.Column;
import org.rareset.core.table.TableSchema;
import org.rareset.core.table.TableWriters;
import org.rareset.deepset.model.ModelFiles;
import org.rareset.deepset.model.TrainedEnsemble;

/** {@code rareset train} as a whole command on a small generated cohort. */
@Tag("slow")
class TrainCommandTest {
    @TempDir static Path dir;

    /** 300 samples, 6 genes of 8 variants; QT depends on pLoF carriers of genes G1-G3. */
    @BeforeAll
    static void writeCohort() throws IOException {
        Random rng = new Random(5);
        int n = 300;
        List<String> vcf = new ArrayList<>();
        vcf.add("##fileformat=VCFv4.2");
        vcf.add("##contig=<ID=1,length=10000000>");
        vcf.add("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">");
        StringBuilder h = new StringBuilder("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        for (int s = 1; s <= n; s++) h.append("\tS").append(s);
        vcf.add(h.toString());
        List<String> ann = new ArrayList<>();
        ann.add("chrom\tpos\tref\talt\tgene\tis_plof\tmissense\tCADD_raw\tCADD_PHRED");
        double[] impact = new double[n];
        int pos = 1000;
        for (int g = 1; g <= 6; g++) {
            for (int v = 0; v < 8; v++) {
                pos += 100;
                boolean plof = v < 3;
                int[] gt = new int[n];
                for (int k = 0; k < 3; k++) gt[rng.nextInt(n)] = 1;
                StringBuilder line = new StringBuilder("1\t" + pos + "\t.\tA\tG\t.\tPASS\t.\tGT");
                for (int s = 0; s < n; s++) {
                    line.append(gt[s] == 1 ? "\t0/1" : "\t0/0");
                    if (gt[s] == 1 && plof && g <= 3) impact[s] += 1;
                }
                vcf.add(line.toString());
                double cadd = plof ? 5 + rng.nextDouble() : rng.nextDouble() * 4;
                ann.add(String.format(java.util.Locale.ROOT, "chr1\t%d\tA\tG\tG%d\t%d\t%d\t%.3f\t%.2f", pos, g,
                        plof ? 1 : 0, plof ? 0 : 1, cadd, 3 * cadd + 2));
            }
        }
        Files.write(dir.resolve("cohort.vcf"), vcf);
        Files.write(dir.resolve("ann.tsv"), ann);
        List<String> pheno = new ArrayList<>(List.of("sample\tQT\tBT"));
        List<String> covar = new ArrayList<>(List.of("sample\tage\tsex"));
        for (int s = 0; s < n; s++) {
            double qt = impact[s] + rng.nextGaussian();
            pheno.add(String.format(java.util.Locale.ROOT, "S%d\t%.4f\t%d", s + 1, qt, qt > 1 ? 1 : 0));
            covar.add(String.format(java.util.Locale.ROOT, "S%d\t%.1f\t%d", s + 1, 40 + 10 * rng.nextGaussian(), s % 2));
        }
        Files.write(dir.resolve("pheno.tsv"), pheno);
        Files.write(dir.resolve("covar.tsv"), covar);
        Files.write(dir.resolve("seed.tsv"), List.of("phenotype\tgene\tneg_log10p", "QT\tG1\t5", "QT\tG2\t4",
                "QT\tG3\t3", "BT\tG1\t3", "BT\tG2\t2", "BT\tG4\t1"));
    }

    static List<String> base(Path model) {
        return new ArrayList<>(List.of("train", "--vcf", dir.resolve("cohort.vcf").toString(),
                "--annotations", dir.resolve("ann.tsv").toString(), "--pheno", dir.resolve("pheno.tsv").toString(),
                "--covar", dir.resolve("covar.tsv").toString(), "--seed-genes", dir.resolve("seed.tsv").toString(),
                "--phenotypes", "QT,BT", "--annotations-list", "is_plof,missense,CADD_raw",
                "--repeats", "2", "--min-epochs", "1", "--max-epochs", "3", "--batch-size", "64", "--out", model.toString()));
    }

    @Test
    void trainsAndWritesAModelFolder() throws IOException {
        Path model = dir.resolve("model");
        CliRun r = run(base(model).toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("trained 2 network(s) on 300 samples, 4 seed genes"), r.out());
        assertTrue(r.err().contains("32 matched genotypes, 25 used, 7 failed the filter"), r.err());
        TrainedEnsemble e = ModelFiles.load(model);
        assertEquals(List.of("is_plof", "missense", "CADD_raw"), e.annotations());
        assertEquals(2, e.members().size());
        assertEquals("MAF < 0.01 && CADD_PHRED > 5", e.description().train_filter());
        assertEquals("binary", e.description().traits().get(1).kind());
        assertEquals(List.of("G1", "G2", "G4"), e.description().traits().get(1).seed_genes());
        assertEquals(List.of("age", "sex"), e.description().training().covariates());
        assertEquals(List.of("is_plof"), e.description().plof_annotations());
        assertEquals(String.join(",", org.rareset.deepset.model.DeepRvatInputs.PLOF_FLAGS), TrainCommand.PLOF_DEFAULT);
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary folder left");
        }
    }

    @Test
    void acceptsCsvPhenotypesWithFidIidAndParquetCovariates() throws IOException {
        List<String> tsv = Files.readAllLines(dir.resolve("pheno.tsv"));
        List<String> csv = new ArrayList<>(List.of("FID,IID,QT,BT"));
        for (String line : tsv.subList(1, tsv.size())) csv.add("F" + line.split("\t")[0] + "," + line.replace('\t', ','));
        Path phenoCsv = Files.write(dir.resolve("pheno.csv"), csv);
        List<String> cv = Files.readAllLines(dir.resolve("covar.tsv"));
        Path covarParquet = dir.resolve("covar.parquet");
        TableWriters.write(covarParquet, TableSchema.of(Column.string("sample"), Column.float64("age"), Column.integer("sex")), w -> {
            for (String line : cv.subList(1, cv.size())) {
                String[] f = line.split("\t");
                w.writeRow(f[0], Double.parseDouble(f[1]), Integer.parseInt(f[2]));
            }
        });
        Path model = dir.resolve("model_csv");
        List<String> args = base(model);
        args.set(args.indexOf(dir.resolve("pheno.tsv").toString()), phenoCsv.toString());
        args.set(args.indexOf(dir.resolve("covar.tsv").toString()), covarParquet.toString());
        CliRun r = run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("trained 2 network(s) on 300 samples, 4 seed genes"), r.out());
        assertTrue(r.err().contains("trait QT: quantitative (quantile transform), 300 samples observed, 3 seed genes"), r.err());
        assertEquals(List.of("age", "sex"), ModelFiles.load(model).description().training().covariates());
    }

    /** -9 is missing by default, as in rareset assoc; --missing NA makes it a value again. */
    @Test
    void minusNineIsMissingByDefaultAndMissingOptionChangesIt() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("pheno.tsv"));
        for (int s = 1; s <= 5; s++) lines.set(s, "S" + s + "\t-9\t" + lines.get(s).split("\t")[2]);
        Path pheno = Files.write(dir.resolve("pheno_minus9.tsv"), lines);
        List<String> args = base(dir.resolve("model_m9"));
        args.set(args.indexOf(dir.resolve("pheno.tsv").toString()), pheno.toString());
        args.set(args.indexOf("QT,BT"), "QT");
        args.set(args.indexOf("--max-epochs") + 1, "1");
        CliRun r = run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("295 used, 5 without any requested trait value"), r.err());
        assertTrue(r.out().contains("trained 2 network(s) on 295 samples"), r.out());

        args.set(args.indexOf(dir.resolve("model_m9").toString()), dir.resolve("model_m9_value").toString());
        args.addAll(List.of("--missing", "NA"));
        r = run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("300 used, 0 without any requested trait value"), r.err());
        assertTrue(r.err().contains("300 samples observed, 3 seed genes; 0 sample(s) with a missing value"), r.err());
    }

    @Test
    void scoreReadsATrainedModelAndRefusesMissingColumns() throws IOException {
        Path model = dir.resolve("model_for_score");
        assertEquals(0, run(base(model).toArray(new String[0])).exit());
        Path scores = dir.resolve("scores.tsv");
        CliRun r = run("score", "--model", model.toString(), "--vcf", dir.resolve("cohort.vcf").toString(),
                "--annotations", dir.resolve("ann.tsv").toString(), "--out", scores.toString());
        assertEquals(0, r.exit(), r.err());
        SparseGeneScores written = GeneScoreFile.read(scores);
        assertEquals(300, written.samples().size(), "every sample");
        assertEquals(6, written.genes().size(), "every gene");
        for (SparseGeneScores.Gene g : written.genes()) {
            for (int i = 0; i < 300; i++) assertTrue(g.score(i) > 0 && g.score(i) < 1, g.name() + " sample " + i + ": " + g.score(i));
        }

        assertTrue(r.err().contains("annotation rows left out by the variant filter 'MAF < 0.01 && CADD_PHRED > 5'"), r.err());

        r = run("score", "--model", model.toString(), "--vcf", dir.resolve("cohort.vcf").toString(),
                "--annotations", dir.resolve("ann.tsv").toString(), "--out", dir.resolve("s_all.tsv").toString(),
                "--variant-filter", "none");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("variant filter"), r.err());
        assertEquals(6, GeneScoreFile.read(dir.resolve("s_all.tsv")).genes().size());

        r = run("score", "--model", model.toString(), "--vcf", dir.resolve("cohort.vcf").toString(),
                "--annotations", dir.resolve("ann.tsv").toString(), "--out", dir.resolve("s_none.tsv").toString(),
                "--variant-filter", "CADD_PHRED > 1000");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("no annotation row passes the variant filter 'CADD_PHRED > 1000'"), r.err());
        assertFalse(Files.exists(dir.resolve("s_none.tsv")));

        List<String> ann = Files.readAllLines(dir.resolve("ann.tsv"));
        List<String> cut = new ArrayList<>();
        for (String line : ann) {
            String[] f = line.split("\t");
            cut.add(String.join("\t", f[0], f[1], f[2], f[3], f[4], f[5], f[7], f[8]));
        }
        Path noMissense = dir.resolve("ann_no_missense.tsv");
        Files.write(noMissense, cut);
        r = run("score", "--model", model.toString(), "--vcf", dir.resolve("cohort.vcf").toString(),
                "--annotations", noMissense.toString(), "--out", dir.resolve("s2.tsv").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("missense"), r.err());
        assertFalse(Files.exists(dir.resolve("s2.tsv")));
    }

    /**
     * --cv-folds: a model folder with every fold's networks and the fold of each sample; score --cv-folds
     * writes the usual sparse file, each training sample scored by its fold's networks on the whole
     * ensemble's empty-gene baseline (the arithmetic is checked in CrossValidationTest).
     */
    @Test
    void crossValidatedTrainingGivesOutOfFoldScores() throws IOException {
        Path model = dir.resolve("model_cv");
        List<String> args = base(model);
        args.addAll(List.of("--cv-folds", "3"));
        CliRun r = run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("trained 6 network(s) in 3 cross-validation folds on 300 samples"), r.out());
        assertTrue(r.err().contains("fold 2 of 3 (100 samples held out): training on 160 samples, validating on 40"), r.err());
        TrainedEnsemble e = ModelFiles.load(model);
        assertEquals(3, e.nFolds());
        assertEquals(300, e.folds().size());
        for (int k = 0; k < 3; k++) {
            int fk = k;
            assertEquals(100, e.folds().values().stream().filter(f -> f == fk).count());
        }
        List<String> foldRows = Files.readAllLines(model.resolve("folds.tsv"));
        assertEquals("sample\tfold", foldRows.get(0));
        for (int i = 1; i <= 300; i++) assertTrue(foldRows.get(i).startsWith("S" + i + "\t"), "sample order: " + foldRows.get(i));
        assertEquals(List.of("fold_0_repeat_0.params", "fold_0_repeat_1.params", "fold_1_repeat_0.params",
                "fold_1_repeat_1.params", "fold_2_repeat_0.params", "fold_2_repeat_1.params", "folds.tsv", "model.json"),
                fileNames(model));

        String vcf = dir.resolve("cohort.vcf").toString(), ann = dir.resolve("ann.tsv").toString();
        Path oof = dir.resolve("oof.tsv");
        r = run("score", "--model", model.toString(), "--cv-folds", "3", "--vcf", vcf, "--annotations", ann,
                "--out", oof.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("out-of-fold scores: 300 of 300 samples scored by the networks of their fold (3 folds)"), r.err());
        Path union = dir.resolve("union.tsv");
        r = run("score", "--model", model.toString(), "--vcf", vcf, "--annotations", ann, "--out", union.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("note: 300 of the 300 samples trained this model"), r.err());
        SparseGeneScores a = GeneScoreFile.read(oof);
        SparseGeneScores b = GeneScoreFile.read(union);
        assertEquals(b.samples(), a.samples());
        int differ = 0;
        for (int g = 0; g < a.genes().size(); g++) {
            assertEquals(b.genes().get(g).emptyScore(), a.genes().get(g).emptyScore(), 0, "one baseline for all folds");
            for (int i = 0; i < 300; i++) if (a.genes().get(g).score(i) != b.genes().get(g).score(i)) differ++;
        }
        assertTrue(differ > 0, "out-of-fold scores of carriers differ from the whole ensemble's");

        r = run("score", "--model", model.toString(), "--cv-folds", "2", "--vcf", vcf, "--annotations", ann,
                "--out", dir.resolve("bad.tsv").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("was trained with 3 cross-validation folds, not 2"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        r = run("score", "--model", dir.resolve("model").toString(), "--cv-folds", "3", "--vcf", vcf, "--annotations", ann,
                "--out", dir.resolve("bad.tsv").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("was trained with no cross-validation, not 3"), r.err());
        assertFalse(Files.exists(dir.resolve("bad.tsv")));

        args = base(dir.resolve("model_too_many_folds"));
        args.addAll(List.of("--cv-folds", "200"));
        r = run(args.toArray(new String[0]));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("200 folds need at least 400 samples, there are 300"), r.err());
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void missingAnnotationColumnIsBadInput() {
        List<String> args = base(dir.resolve("m2"));
        args.set(args.indexOf("is_plof,missense,CADD_raw"), "is_plof,SpliceAI_delta_score,CADD_raw");
        CliRun r = run(args.toArray(new String[0]));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("ann.tsv: line 1: missing 1 annotation column(s) of the model: SpliceAI_delta_score"), r.err());
        assertFalse(Files.exists(dir.resolve("m2")));
    }

    @Test
    void phenotypeWithoutSeedGenesAndBadFilterAreBadInput() {
        List<String> args = base(dir.resolve("m3"));
        args.set(args.indexOf("QT,BT"), "QT,OTHER");
        CliRun r = run(args.toArray(new String[0]));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("OTHER"), r.err());

        args = base(dir.resolve("m3"));
        args.addAll(List.of("--train-filter", "MAF < ", "--plof-annotations", "is_plof"));
        r = run(args.toArray(new String[0]));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--train-filter: character 7: expected a number"), r.err());
    }
}
