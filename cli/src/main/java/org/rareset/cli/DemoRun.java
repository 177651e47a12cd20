package org.rareset.cli;

import org.rareset.core.formats.ResultRow;
import org.rareset.core.formats.ResultFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rareset.core.InputException;
import org.rareset.association.run.AssociationRun;
import org.rareset.association.run.GeneOmnibus;
import org.rareset.cli.options.RuntimeOptions;
import org.rareset.core.table.TableFiles;
import org.rareset.core.table.TextTable;
import org.rareset.report.AssocSummary;
import org.rareset.report.TraitSummary;
import picocli.CommandLine;

/** The demo's run: the pipeline on the cohort's study.yaml, then its discoveries against the truth. */
final class DemoRun {
    private DemoRun() {}

    static int run(Path folder, Path output, RuntimeOptions runtime, PrintWriter out, PrintWriter err) {
        Path config = folder.resolve("study.yaml");
        if (!Files.isRegularFile(config)) {
            throw InputException.of(config, "missing", "a demo cohort folder needs a study.yaml (copy testdata/demo/study.yaml)");
        }
        out.println();
        out.println("Running the pipeline (rareset pipeline --config " + config + "); progress goes to stderr.");
        out.flush();
        CommandLine cl = RareSetCommand.newCommandLine();
        cl.setOut(out);
        cl.setErr(err);
        List<String> args = new ArrayList<>(List.of("pipeline", "--config", config.toString()));
        if (output != null) args.addAll(List.of("--output", output.toString()));
        if (runtime.threads > 0) args.addAll(List.of("--threads", Integer.toString(runtime.threads)));
        if (runtime.quiet) args.add("--quiet");
        int rc = cl.execute(args.toArray(String[]::new));
        PipelineCommand pipeline = cl.getSubcommands().get("pipeline").getCommand();
        if (!pipeline.results().isEmpty()) discoveries(folder, pipeline.results(), out);
        if (pipeline.reportHtml() != null) {
            out.println();
            out.println("Open the report in a browser (works offline):");
            out.println("  " + pipeline.reportHtml().toAbsolutePath());
        }
        out.flush();
        return rc;
    }

    /** Gene-level tests: one row per gene and trait, so Bonferroni over their rows is over genes. */
    static final List<String> GENE_LEVEL_TESTS = List.of(GeneOmnibus.TEST, AssociationRun.SCORE_TEST);

    /**
     * Per trait, the genes significant by a gene-level test (the GENE_P omnibus over masks x tests,
     * and the gene impairment score test), Bonferroni over the trait's genes, marked * when
     * truth.tsv lists them as causal. Per-test lists are left to significant_per_test.tsv: their
     * union over tests and masks is not corrected across them.
     */
    static void discoveries(Path folder, List<Path> results, PrintWriter out) {
        Map<String, Set<String>> causal = new LinkedHashMap<>();
        Path truth = folder.resolve("truth.tsv");
        if (Files.isRegularFile(truth)) {
            TextTable t = TableFiles.read(truth);
            int trait = t.indexOf("trait"), gene = t.indexOf("gene");
            if (trait >= 0 && gene >= 0) {
                for (int r = 0; r < t.rowCount(); r++) causal.computeIfAbsent(t.cell(r, trait), k -> new TreeSet<>()).add(t.cell(r, gene));
            }
        }
        Map<String, List<ResultRow>> byTrait = new LinkedHashMap<>();
        for (ResultRow r : ResultFile.read(results).rows()) byTrait.computeIfAbsent(r.phenotype(), k -> new ArrayList<>()).add(r);
        AssocSummary assoc = AssocSummary.read(results);
        out.println();
        out.println("Significant genes: one p-value per gene (omnibus = GENE_P, ACAT over the gene's masks x tests;");
        out.println("score = the gene impairment score test), Bonferroni 0.05 over the trait's genes; * = a true causal gene:");
        for (Map.Entry<String, List<ResultRow>> e : byTrait.entrySet()) {
            TraitSummary ts = new TraitSummary(e.getKey(), e.getValue(), assoc);
            Set<String> truthGenes = causal.getOrDefault(e.getKey(), Set.of());
            out.printf("  %s (causal: %s)%n", e.getKey(), truthGenes.isEmpty() ? "none" : String.join(", ", truthGenes));
            for (String test : GENE_LEVEL_TESTS) {
                if (!ts.tests().contains(test)) continue;
                List<String> sig = ts.significantGenes(test);
                long hits = sig.stream().filter(truthGenes::contains).count();
                List<String> marked = sig.stream().map(g -> truthGenes.contains(g) ? g + "*" : g).toList();
                out.printf("    %-9s %d gene(s) of %d, %d causal: %s%n", test, sig.size(), ts.rows(test).size(), hits,
                        marked.isEmpty() ? "-" : String.join(", ", marked));
            }
        }
        out.println("Per-test lists (each test on its own, not corrected across tests or masks): "
                + "the results' .significant_per_test.tsv files.");
    }
}
