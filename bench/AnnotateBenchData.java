import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.tribble.SimpleFeature;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndexCreator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Synthetic inputs for bench/annotate.sh: a bgzipped cohort VCF with N biallelic SNVs over 3
 * contigs (20 samples, sparse carriers), a bgzipped + tabix CADD table with one row per cohort
 * variant (N rows, every variant matches), and a GTF whose genes cover most of each contig.
 * Run: java -cp cli/target/rareset.jar bench/AnnotateBenchData.java OUTDIR N
 */
public class AnnotateBenchData {
    static final String[] BASES = {"A", "C", "G", "T"};
    static final int SAMPLES = 20;
    static final int STEP = 7;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        Random rnd = new Random(42);
        String[] chroms = {"chr1", "chr2", "chr3"};
        int perContig = (n + chroms.length - 1) / chroms.length;

        TabixIndexCreator caddIndex = new TabixIndexCreator(new TabixFormat(TabixFormat.GENERIC_FLAGS, 1, 2, 0, '#', 0));
        try (BlockCompressedOutputStream vcf = new BlockCompressedOutputStream(dir.resolve("cohort.vcf.gz").toFile());
             BlockCompressedOutputStream cadd = new BlockCompressedOutputStream(dir.resolve("cadd.tsv.gz").toFile())) {
            StringBuilder h = new StringBuilder("##fileformat=VCFv4.2\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
            for (String c : chroms) h.append("##contig=<ID=").append(c).append(">\n");
            h.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
            for (int s = 0; s < SAMPLES; s++) h.append("\tS").append(s);
            vcf.write((h + "\n").getBytes(StandardCharsets.US_ASCII));
            cadd.write("## CADD GRCh38-v1.7 synthetic\n#Chrom\tPos\tRef\tAlt\tRawScore\tPHRED\n".getBytes(StandardCharsets.US_ASCII));
            int written = 0;
            StringBuilder line = new StringBuilder(256);
            for (String c : chroms) {
                String caddChrom = c.substring(3); // CADD names contigs 1, 2, 3
                for (int i = 0; i < perContig && written < n; i++, written++) {
                    int pos = 10_000 + i * STEP;
                    int r = rnd.nextInt(4);
                    String ref = BASES[r];
                    String alt = BASES[(r + 1 + rnd.nextInt(3)) % 4];
                    line.setLength(0);
                    line.append(c).append('\t').append(pos).append("\t.\t").append(ref).append('\t').append(alt)
                            .append("\t.\tPASS\t.\tGT");
                    for (int s = 0; s < SAMPLES; s++) line.append(rnd.nextInt(50) == 0 ? "\t0/1" : "\t0/0");
                    line.append('\n');
                    vcf.write(line.toString().getBytes(StandardCharsets.US_ASCII));
                    long pointer = cadd.getFilePointer();
                    double raw = rnd.nextDouble() * 6 - 1;
                    line.setLength(0);
                    line.append(caddChrom).append('\t').append(pos).append('\t').append(ref).append('\t').append(alt)
                            .append('\t').append(String.format("%.6f", raw)).append('\t').append(String.format("%.3f", raw * 5 + 5)).append('\n');
                    cadd.write(line.toString().getBytes(StandardCharsets.US_ASCII));
                    caddIndex.addFeature(new SimpleFeature(caddChrom, pos, pos), pointer);
                }
            }
            cadd.flush();
            caddIndex.finalizeIndex(cadd.getFilePointer()).write(dir.resolve("cadd.tsv.gz.tbi"));
        }
        // Genes of 20 kb every 25 kb: about 80% of variants fall in exactly one gene.
        try (OutputStream os = Files.newOutputStream(dir.resolve("genes.gtf"));
             BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.US_ASCII))) {
            int g = 0;
            for (String c : chroms) {
                for (int start = 5_000; start < 10_000 + perContig * STEP; start += 25_000) {
                    g++;
                    w.write(c + "\tBENCH\tgene\t" + start + "\t" + (start + 20_000) + "\t.\t+\t.\tgene_id \"ENSG"
                            + String.format("%011d", g) + ".1\"; gene_type \"protein_coding\"; gene_name \"GENE" + g + "\";\n");
                }
            }
        }
        System.out.println("wrote " + n + " variants, " + n + " CADD rows and genes to " + dir);
    }
}
