package org.rareset.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rareset.annotate.AnnotationJob;
import org.rareset.annotate.AnnotationSettings;
import org.rareset.annotate.AnnotationSummary;
import org.rareset.annotate.ColumnSpec;
import org.rareset.cli.files.FileCheck;
import org.rareset.cli.files.WritesFiles;
import org.rareset.cli.options.RuntimeOptions;
import org.rareset.core.output.FileRoles;
import org.rareset.core.table.DuplicateRows;
import org.rareset.core.table.NonFinite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset annotate}: one table of per-(variant, gene) annotations for a cohort VCF. */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {
            "Annotate the variants of a cohort VCF with genes, VEP or snpEff consequences, CADD, SpliceAI and any score table.",
            "Writes one row per (variant, gene): chrom pos ref alt variant_id gene_id gene_name AF MAF MAF_MB",
            "(not for a sites-only VCF), the sources' columns, and with VEP or snpEff the Consequence_* one-hot",
            "columns and is_plof (DeepRVAT names). Multi-allelic records are split as in ingest; 1 and chr1 are",
            "the same contig. Missing values are filled (0; sift_score 1; MAF_MB 10000) unless --fill says",
            "otherwise. Inputs are streamed: memory does not grow with the variants."},
        footer = {"", "Examples:",
            "  rareset annotate --vcf cohort.vcf.gz --genes gencode.v44.annotation.gtf.gz \\",
            "      --protein-coding-only --vep cohort.vep.vcf.gz --cadd whole_genome_SNVs.tsv.gz \\",
            "      --spliceai spliceai_scores.masked.snv.hg38.vcf.gz --out annotations.parquet",
            "  rareset annotate --vcf cohort.vcf.gz --vep cohort.vep.txt \\",
            "      --vep-field am_pathogenicity=alphamissense \\",
            "      --table scores.tsv.gz:PrimateAI=PrimateAI_score --out annotations.tsv",
            "  rareset annotate --vcf cohort.vcf.gz --genes genes.bed --gene-window 5000 \\",
            "      --info gnomad.vcf.gz:AF=gnomad_af --fill gnomad_af=NA --out annotations.tsv.gz",
            "",
            "CADD tables and other bgzipped sources are read by region through their tabix or CSI index",
            "(.tbi or .csi beside the file); unindexed files must be sorted by position and are read in order.",
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
    public void declareFiles(FileRoles files) {
        FileCheck.indexes(files, "index of --vcf", vcf);
        for (String t : tables) files.input("--table", ColumnSpec.parse("--table", t).file());
        for (String t : infos) files.input("--info", ColumnSpec.parse("--info", t).file());
        files.output("--out", out);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        AnnotationSettings settings = new AnnotationSettings(vcf, out, genes, proteinCodingOnly, geneWindow, vep, snpeff, vepFields,
                cadd, spliceai, tables, infos, fills, duplicateRows, nonFinite, lenient, allowUnmatched, runtime.effectiveThreads());
        AnnotationSummary summary = new AnnotationJob(settings).run(note -> { if (!runtime.quiet) o.println(note); },
                runtime.showProgress() ? n -> { err.print("\rannotated " + n + " variants"); err.flush(); } : null);
        if (runtime.showProgress()) err.println();
        for (String line : summary.lines()) {
            if (line.startsWith("warning: ")) err.println("rareset: " + line);
            else if (!runtime.quiet) o.println(line);
        }
        if (!runtime.quiet) o.println("wrote " + out);
        o.flush();
        err.flush();
        return 0;
    }
}
