package org.rareset.cli;

import org.rareset.cli.files.FileCheck;
import org.rareset.cli.files.WritesFiles;
import org.rareset.core.output.FileRoles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rareset.core.InputException;
import org.rareset.genotypes.input.GenotypeInput;
import org.rareset.genotypes.input.ImportOptions;
import org.rareset.genotypes.store.IngestEngine;
import org.rareset.genotypes.store.IngestReport;
import org.rareset.genotypes.store.VariantFilters;
import org.rareset.genotypes.vcf.HalfCall;
import org.rareset.genotypes.vcf.VcfReadOptions;
import org.rareset.cli.options.GenotypeFileOptions;
import org.rareset.cli.options.RuntimeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rareset ingest}: VCF/BCF to genotype store, with QC. The work is in {@link IngestEngine}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Convert a VCF/BCF, PLINK 1 binary fileset or BGEN file once into a sparse genotype store (.rsg) that later steps read gene by gene.",
                "Multi-allelic records are split into one variant per ALT allele; only minor-allele carriers and "
                        + "missing calls are stored. Writes a QC summary (<out>.qc.tsv) and per-sample missingness "
                        + "(<out>.samples.tsv) beside the store and prints the summary.",
                "Several files (--vcf, --bfile or --bgen lists) are ingested up to --threads at a time, each into a shard "
                        + "store beside --out, and the shards are then joined: the store and QC files are the same as with "
                        + "--threads 1, and the shards need about the store's size in disk space until the join is done.",
                "The store appears only when ingest succeeds; bad input stops with one line naming the file and record (exit 2)."},
        footer = {"%nExamples:",
                "  rareset ingest --vcf cohort.vcf.gz --out cohort.rsg",
                "  rareset ingest --vcf cohort.vcf.gz --out chr1.rsg --region chr1:1-5000000",
                "  rareset ingest --vcf chr{1..22}.vcf.gz --out cohort.rsg --threads 4",
                "  rareset ingest --bfile cohort --out cohort.rsg",
                "  rareset ingest --bgen chr{1..22}.bgen --sample cohort.sample --out cohort.rsg",
                "  rareset ingest --vcf cohort.bcf --out qc.rsg --samples-file keep.txt \\",
                "      --pass-only --max-missing 0.05 --min-ac 1 --hwe-p 1e-12"})
public final class IngestCommand implements Callable<Integer>, WritesFiles {
    @Option(names = "--vcf", arity = "1..*", paramLabel = "FILE",
            description = "Input VCF (.vcf, .vcf.gz bgzipped) or BCF; several files (e.g. one per chromosome, "
                    + "same samples, given in genomic order) go into one store, with --threads N up to N files at once. "
                    + "Region queries need a tabix (.tbi) or CSI (.csi) "
                    + "index for VCF; a BCF is read through its .csi (bcftools index), or streamed without one.")
    List<Path> vcfs = new ArrayList<>();

    @Mixin GenotypeFileOptions genotypeFiles = new GenotypeFileOptions();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Genotype store to write, e.g. cohort.rsg.")
    Path out;

    @Option(names = "--region", paramLabel = "CHR:START-END",
            description = "Only variants whose POS is in this region (1-based, inclusive; repeatable; 1 and chr1 match).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--regions-file", paramLabel = "FILE",
            description = "Regions file: BED if named .bed/.bed.gz, else 'chrom start [end]' 1-based inclusive lines.")
    Path regionsFile;

    @Option(names = "--samples-file", paramLabel = "FILE",
            description = "Keep only these samples (one name per line); they keep the file's sample order.")
    Path samplesFile;

    @Option(names = "--pass-only", description = "Keep only records whose FILTER is PASS or '.' (VCF/BCF only).")
    boolean passOnly;

    @Option(names = "--keep-symbolic",
            description = "Keep symbolic SV alleles (<DEL>, <DUP>, <INV>, <CN0>, ...) as variants of their own. By default "
                    + "they are left out, as are spanning deletions (*), gVCF <NON_REF>/<*> and breakends, which are always "
                    + "left out; each kind is counted in the QC summary.")
    boolean keepSymbolic;

    @Option(names = "--vcf-half-call", paramLabel = "RULE", defaultValue = "haploid",
            converter = HalfCallConverter.class,
            description = "How half-missing calls (0/., 1/.) are read, as plink2's --vcf-half-call: haploid (only the "
                    + "called allele counts, as htslib's AC/AN), missing (the whole call is missing) or reference (the "
                    + "missing allele is REF). Default: ${DEFAULT-VALUE}; counted as half_calls in the QC summary.")
    HalfCall halfCall;

    @Option(names = "--max-missing", paramLabel = "FRACTION", defaultValue = "1",
            description = "Drop variants with a larger fraction of samples missing (default: ${DEFAULT-VALUE}, keep all).")
    double maxMissing;

    @Option(names = "--min-ac", paramLabel = "N", defaultValue = "0",
            description = "Drop variants whose ALT allele count is below N (default: ${DEFAULT-VALUE}).")
    int minAc;

    @Option(names = "--hwe-p", paramLabel = "P",
            description = "Drop variants whose exact Hardy-Weinberg p-value (Wigginton et al. 2005) is below P; "
                    + "variants with non-diploid calls are not tested (default: no test).")
    Double hweP;

    @Mixin RuntimeOptions runtime;
    @Spec CommandSpec spec;


    @Override
    public void declareFiles(FileRoles files) {
        for (Path v : vcfs) FileCheck.indexes(files, "index of --vcf", v);
        files.output("--out", out).output("QC summary beside --out", IngestReport.qcFile(out))
                .output("sample missingness beside --out", IngestReport.samplesFile(out));
    }

    /** What {@code ingest} reads and writes, checked; the Spark runner ingests with these too. */
    public record Settings(List<GenotypeInput> inputs, VcfReadOptions read, ImportOptions importOptions, VariantFilters filters,
                           int threads, Path out) {}

    /** The options checked and gathered (bad options: {@link InputException}). */
    public Settings settings() {
        checkOptions();
        VcfReadOptions read = VcfReadOptions.all().withRegions(regions).withRegionsFile(regionsFile)
                .withSamplesFile(samplesFile).withPassOnly(passOnly)
                .withKeepSymbolic(keepSymbolic).withHalfCall(halfCall);
        return new Settings(inputs(), read, genotypeFiles.importOptions(), new VariantFilters(maxMissing, minAc, hweP),
                runtime.effectiveThreads(), out);
    }

    @Override
    public Integer call() {
        Settings s = settings();
        ProgressLine progress = runtime.showProgress() ? new ProgressLine(spec.commandLine().getErr()) : null;
        long t0 = System.nanoTime();
        IngestReport report;
        try {
            report = IngestEngine.run(s.inputs(), s.read(), s.importOptions(), s.threads(), out, s.filters(), progress);
        } finally {
            if (progress != null) progress.finish();
        }
        printReport(report, (System.nanoTime() - t0) / 1e9, spec.commandLine().getOut(), spec.commandLine().getErr());
        return RareSetCommand.EXIT_OK;
    }

    /** The warnings and summary {@code ingest} prints when it has written the store. */
    public void printReport(IngestReport report, double seconds, PrintWriter o, PrintWriter err) {
        long gtNotFirst = report.readStats().gtNotFirstRecords();
        if (gtNotFirst > 0) {
            err.printf(Locale.ROOT, "rareset ingest: warning: %,d record(s) have GT after other FORMAT keys "
                    + "(the VCF spec puts it first); they were read all the same%n", gtNotFirst);
        }
        if (!runtime.quiet) {
            List<Path> files = inputs().stream().map(GenotypeInput::file).toList();
            String inputs = files.size() == 1 ? files.get(0).toString() : files.size() + " files (" + files.get(0) + " ... " + files.get(files.size() - 1) + ")";
            o.printf(Locale.ROOT, "rareset ingest: %s -> %s in %.1f s%n", inputs, out, seconds);
            for (Map.Entry<String, String> e : report.summary().entrySet()) o.println("  " + e.getKey() + "\t" + e.getValue());
            o.println("  QC written to " + IngestReport.qcFile(out) + " and " + IngestReport.samplesFile(out));
        }
        o.flush();
    }

    /** The genotype files in the order given: VCFs, or PLINK filesets, or BGEN files. */
    private List<GenotypeInput> inputs() {
        List<GenotypeInput> in = new ArrayList<>();
        for (Path vcf : vcfs) in.add(GenotypeInput.vcf(vcf));
        in.addAll(genotypeFiles.files().inputs());
        return in;
    }

    private void checkOptions() {
        genotypeFiles.files().check();
        if (vcfs.isEmpty() == !genotypeFiles.files().any()) {
            throw new InputException(null, null, vcfs.isEmpty() ? "no genotypes given" : "give one genotype format: --vcf, --bfile, --bed or --bgen",
                    "for example --vcf cohort.vcf.gz, --bfile cohort or --bgen cohort.bgen");
        }
        if (!(maxMissing >= 0 && maxMissing <= 1)) {
            throw new InputException("--max-missing", null, "value " + maxMissing + " is not a fraction", "give a number from 0 to 1");
        }
        if (minAc < 0) throw new InputException("--min-ac", null, "value " + minAc + " is negative", "give 0 or more");
        if (hweP != null && !(hweP > 0 && hweP <= 1)) {
            throw new InputException("--hwe-p", null, "value " + hweP + " is not a p-value threshold", "give a number in (0, 1], e.g. 1e-12");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw InputException.of(out, "the output folder " + parent + " does not exist", "create it first or choose another --out");
        }
        // --out against every input (.bim/.fam/.sample included) is FileCheck's job, before this runs
        List<Path> files = inputs().stream().map(GenotypeInput::file).toList();
        if (new java.util.HashSet<>(files).size() < files.size()) {
            throw new InputException(vcfs.isEmpty() ? "--bfile/--bgen" : "--vcf", null, "a file is given twice", "list each file once");
        }
    }

    /** {@code missing|haploid|reference}, case-insensitive. */
    static final class HalfCallConverter implements picocli.CommandLine.ITypeConverter<HalfCall> {
        @Override
        public HalfCall convert(String value) {
            for (HalfCall h : HalfCall.values()) if (h.optionName().equalsIgnoreCase(value)) return h;
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a half-call rule: use missing, haploid or reference");
        }
    }

    /** A self-overwriting progress line on stderr, at most a few updates a second. */
    static final class ProgressLine implements IngestEngine.Progress {
        private final PrintWriter err;
        private final long start = System.nanoTime();
        private long lastPrint;
        private boolean printed;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long read, long kept) {
            long now = System.nanoTime();
            if (now - lastPrint < 250_000_000L) return;
            lastPrint = now;
            printed = true;
            double s = (now - start) / 1e9;
            err.printf(Locale.ROOT, "\ringest: %,d variants read, %,d kept, %.0f variants/s ", read, kept, read / Math.max(s, 1e-9));
            err.flush();
        }

        void finish() {
            if (printed) {
                err.println();
                err.flush();
            }
        }
    }
}
