package org.rareset.cli;

import org.rareset.core.output.FileRoles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rareset.core.InputException;
import org.rareset.annotate.AnnotationEngine;
import org.rareset.annotate.AnnotationSource;
import org.rareset.annotate.AnnotationSummary;
import org.rareset.annotate.FillValues;
import org.rareset.annotate.Gene;
import org.rareset.annotate.GeneMapper;
import org.rareset.annotate.GeneModelReader;
import org.rareset.annotate.ScoreTableSource;
import org.rareset.annotate.SnpEffSource;
import org.rareset.annotate.SpliceAiSource;
import org.rareset.annotate.VcfInfoSource;
import org.rareset.annotate.VepCsqSource;
import org.rareset.annotate.VepTabSource;
import org.rareset.core.table.DuplicateRows;
import org.rareset.core.table.NonFinite;
import org.rareset.genotypes.vcf.VcfReadOptions;
import org.rareset.genotypes.vcf.VcfVariantSource;
import org.rareset.cli.options.RuntimeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset annotate}: one table of per-(variant, gene) annotations for a cohort VCF. */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {
            "Annotate the variants of a cohort VCF with genes, VEP or snpEff consequences, CADD, SpliceAI and",
            "any score table, and write one row per (variant, gene): chrom pos ref alt variant_id gene_id",
            "gene_name AF MAF MAF_MB (not for a sites-only VCF), the sources' columns, and with VEP or snpEff",
            "the Consequence_* one-hot columns and is_plof (DeepRVAT names). Multi-allelic records are split as in ingest;",
            "1 and chr1 are the same contig. Missing values are filled (0; sift_score 1; MAF_MB 10000)",
            "unless --fill says otherwise. Inputs are streamed: memory does not grow with the variants."},
        footer = {"", "Examples:",
            "  rareset annotate --vcf cohort.vcf.gz --genes gencode.v44.annotation.gtf.gz \\",
            "      --protein-coding-only --vep cohort.vep.vcf.gz --cadd whole_genome_SNVs.tsv.gz \\",
            "      --spliceai spliceai_scores.masked.snv.hg38.vcf.gz --out annotations.parquet",
            "  rareset annotate --vcf cohort.vcf.gz --vep cohort.vep.txt --vep-field am_pathogenicity=alphamissense \\",
            "      --table scores.tsv.gz:PrimateAI=PrimateAI_score --out annotations.tsv",
            "  rareset annotate --vcf cohort.vcf.gz --genes genes.bed --gene-window 5000 \\",
            "      --info gnomad.vcf.gz:AF=gnomad_af --fill gnomad_af=NA --out annotations.tsv.gz",
            "",
            "CADD tables and other bgzipped sources are read by region through their tabix or CSI index (.tbi or .csi beside the file);",
            "unindexed files must be sorted by position and are read in order.",
            "The output format follows the name: .parquet, .tsv, .tsv.gz, .csv."})
public final class AnnotateCommand implements Callable<Integer>, WritesFiles {
    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;

    @Option(names = "--vcf", required = true, paramLabel = "FILE",
            description = "Cohort VCF/BCF (bgzipped or plain); its genotypes give AF, MAF and MAF_MB. A sites-only VCF "
                    + "(no samples) is annotated without them.")
    Path vcf;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Output table: .parquet, .tsv, .tsv.gz or .csv.")
    Path out;

    @Option(names = {"--genes", "--gtf"}, paramLabel = "FILE",
            description = "Gene model: GENCODE/Ensembl GTF, GFF3 or BED (gzipped or plain). "
                    + "Without it, genes are those VEP names.")
    Path genes;

    @Option(names = "--protein-coding-only", description = "Keep protein-coding genes only.")
    boolean proteinCodingOnly;

    @Option(names = "--gene-window", defaultValue = "0", paramLabel = "BASES",
            description = "Widen each gene body by this many bases on each side (default: ${DEFAULT-VALUE}).")
    int geneWindow;

    @Option(names = "--vep", paramLabel = "FILE",
            description = "VEP output: VCF or BCF with CSQ (field order from its header) or --tab output.")
    List<Path> vep = new ArrayList<>();

    @Option(names = "--snpeff", paramLabel = "FILE",
            description = "snpEff output: VCF with ANN (or EFF from -formatEff); gives the same Consequence_* columns and "
                    + "is_plof as VEP (term mapping: docs/annotate.md). Without --genes, genes are those it names.")
    List<Path> snpeff = new ArrayList<>();

    @Option(names = "--vep-field", paramLabel = "FIELD[=COLUMN]", split = ",",
            description = "Extra VEP fields to output as numbers (plugins: CADD_PHRED, am_pathogenicity=alphamissense, "
                    + "PrimateAI=PrimateAI_score, Condel=condel_score, ...). SIFT and PolyPhen are always taken.")
    List<String> vepFields = new ArrayList<>();

    @Option(names = "--cadd", paramLabel = "FILE",
            description = "CADD table (#Chrom Pos Ref Alt RawScore PHRED), bgzipped + tabix; gives CADD_raw and CADD_PHRED.")
    List<Path> cadd = new ArrayList<>();

    @Option(names = "--spliceai", paramLabel = "FILE",
            description = "SpliceAI VCF; gives SpliceAI_delta_score = max(DS_AG, DS_AL, DS_DG, DS_DL).")
    List<Path> spliceai = new ArrayList<>();

    @Option(names = "--table", paramLabel = "FILE:COL[=NAME][,COL[=NAME]...]",
            description = "Any TSV/CSV/Parquet keyed by chrom,pos,ref,alt: the columns to take, optionally renamed.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--info", paramLabel = "FILE:FIELD[=NAME][,...]",
            description = "Numeric INFO fields of a VCF (Number=A fields per allele).")
    List<String> infos = new ArrayList<>();

    @Option(names = "--fill", paramLabel = "COLUMN=VALUE", split = ",",
            description = "Value for missing annotations of a column (NA keeps them missing). "
                    + "Defaults: 0; sift_score 1; MAF_MB 10000.")
    List<String> fills = new ArrayList<>();

    @Option(names = DuplicateRows.OPTION, defaultValue = "error", paramLabel = "RULE",
            description = "Records of one variant in a --table, --cadd or --info source that differ: error (default), "
                    + "first (keep the first), max (per column the largest number). Identical repeats are merged and counted.")
    DuplicateRows duplicateRows = DuplicateRows.ERROR;

    @Option(names = NonFinite.OPTION, defaultValue = "error", paramLabel = "RULE", description = NonFinite.HELP)
    NonFinite nonFinite = NonFinite.ERROR;

    @Option(names = "--lenient",
            description = "Skip (and count) VEP CSQ and snpEff ANN/EFF entries whose field count differs from the header, "
                    + "or whose ALT cannot be told, instead of stopping; the summary names the first.")
    boolean lenient;

    @Option(names = "--allow-unmatched",
            description = "Write the table even when a source matches no variant (normally an error: wrong build?).")
    boolean allowUnmatched;

    @Override
    public java.util.Set<String> outputOptions() {
        return java.util.Set.of("--out");
    }

    @Override
    public void declareFiles(FileRoles files) {
        FileCheck.indexes(files, "index of --vcf", vcf);
        for (String t : tables) files.input("--table", FileSpec.parse("--table", t).file());
        for (String t : infos) files.input("--info", FileSpec.parse("--info", t).file());
        files.output("--out", out);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        FillValues fill = FillValues.deeprvat();
        for (String f : fills) {
            try {
                fill.parse(f);
            } catch (IllegalArgumentException e) {
                throw new InputException("--fill", null, e.getMessage(), "e.g. --fill sift_score=1,CADD_PHRED=NA");
            }
        }
        GeneMapper mapper = null;
        if (genes != null) {
            List<Gene> all = GeneModelReader.read(genes);
            if (proteinCodingOnly) {
                all = all.stream().filter(Gene::isProteinCoding).toList();
                if (all.isEmpty()) {
                    throw InputException.of(genes, "no protein-coding genes", "does the file have gene_type/gene_biotype?");
                }
            }
            mapper = new GeneMapper(all, geneWindow);
        }
        if (geneWindow < 0) throw new InputException("--gene-window", null, "must be 0 or more", null);
        List<AnnotationSource> sources = new ArrayList<>();
        try {
            Map<String, String> vepExtra = renames("--vep-field", vepFields);
            for (Path p : vep) {
                sources.add(VepTabSource.looksLikeTab(p) ? VepTabSource.open(p, vepExtra) : VepCsqSource.open(p, vepExtra, lenient));
            }
            for (Path p : snpeff) sources.add(SnpEffSource.open(p, lenient));
            for (Path p : cadd) sources.add(ruled(ScoreTableSource.cadd(p, nonFinite)));
            for (Path p : spliceai) sources.add(SpliceAiSource.open(p));
            for (String t : tables) {
                FileSpec fs = FileSpec.parse("--table", t);
                sources.add(ruled(ScoreTableSource.open("table", fs.file, fs.columns, nonFinite)));
            }
            for (String t : infos) {
                FileSpec fs = FileSpec.parse("--info", t);
                sources.add(ruled(VcfInfoSource.open(fs.file, fs.columns, nonFinite)));
            }
            AnnotationSummary summary;
            try (VcfVariantSource variants = VcfVariantSource.openSitesOrGenotypes(vcf, VcfReadOptions.all(),
                    Math.min(2, runtime.effectiveThreads()))) {
                boolean sitesOnly = variants.samples().isEmpty();
                if (sitesOnly && !runtime.quiet) {
                    spec.commandLine().getOut().println(vcf + " is a sites-only VCF (no samples): the table has no AF, MAF and MAF_MB"
                            + " columns; train, score and assoc compute them from the genotypes they read");
                }
                AnnotationEngine engine = new AnnotationEngine(sources, new AnnotationEngine.Options(mapper, proteinCodingOnly, fill,
                        allowUnmatched, runtime.effectiveThreads(), !sitesOnly));
                summary = engine.run(variants, out, runtime.showProgress()
                        ? n -> { err.print("\rannotated " + n + " variants"); err.flush(); } : null);
                if (runtime.showProgress()) err.println();
            }
            PrintWriter o = spec.commandLine().getOut();
            for (String line : summary.lines()) {
                if (line.startsWith("warning: ")) err.println("rareset: " + line);
                else if (!runtime.quiet) o.println(line);
            }
            if (!runtime.quiet) o.println("wrote " + out);
            o.flush();
            err.flush();
            return 0;
        } finally {
            for (AnnotationSource s : sources) s.close();
        }
    }

    private <T extends org.rareset.annotate.CursorSource> T ruled(T source) {
        source.duplicateRows(duplicateRows);
        return source;
    }

    /** {@code A=B,C} into {A: B, C: C}. */
    static Map<String, String> renames(String option, List<String> specs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : specs) {
            if (s.isBlank()) continue;
            int eq = s.indexOf('=');
            String from = eq < 0 ? s : s.substring(0, eq);
            String to = eq < 0 ? s : s.substring(eq + 1);
            if (from.isEmpty() || to.isEmpty()) throw new InputException(option, null, "'" + s + "' is not FIELD or FIELD=NAME", null);
            m.put(from, to);
        }
        return m;
    }

    /** {@code FILE:COL[=NAME],COL...}. */
    record FileSpec(Path file, Map<String, String> columns) {
        static FileSpec parse(String option, String spec) {
            int colon = spec.lastIndexOf(':');
            if (colon <= 0 || colon == spec.length() - 1) {
                throw new InputException(option, null, "'" + spec + "' is not FILE:COLUMN[=NAME][,COLUMN...]",
                        "e.g. " + option + " scores.tsv.gz:score=my_score");
            }
            return new FileSpec(Path.of(spec.substring(0, colon)),
                    renames(option, List.of(spec.substring(colon + 1).split(","))));
        }
    }
}
