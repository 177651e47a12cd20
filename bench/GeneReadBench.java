import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rareset.core.region.GenomicRegion;
import org.rareset.genotypes.store.GenotypeStore;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfReadOptions;
import org.rareset.genotypes.vcf.VcfVariantSource;

/**
 * Gene reads: the store (GenotypeStore.variantsIn) against re-parsing the gene's VCF records
 * through the tabix index (VcfVariantSource with a region), for the genes of a BED file.
 * Run with the RareSet jar on the class path: java -cp cli/target/rareset.jar bench/GeneReadBench.java
 * cohort.vcf.gz cohort.rsg genes.bed [genes] [repeats]
 */
public class GeneReadBench {
    public static void main(String[] args) throws Exception {
        Path vcf = Path.of(args[0]);
        Path store = Path.of(args[1]);
        List<GenomicRegion> genes = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.split("\t");
            genes.add(new GenomicRegion(f[0], Integer.parseInt(f[1]) + 1, Integer.parseInt(f[2])));
        }
        int n = Math.min(genes.size(), args.length > 3 ? Integer.parseInt(args[3]) : 200);
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        // Every k-th gene, so the genes spread over the genome.
        List<GenomicRegion> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) picked.add(genes.get((int) ((long) i * genes.size() / n)));

        double[] storeT = new double[repeats];
        double[] vcfT = new double[repeats];
        double[] vcfOneOpenT = new double[repeats];
        long variantsStore = 0;
        long variantsVcf = 0;
        try (GenotypeStore gs = GenotypeStore.open(store)) {
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                long c = 0;
                for (GenomicRegion g : picked) c += checksum(gs.variantsIn(g));
                storeT[r] = (System.nanoTime() - t0) / 1e9;
                variantsStore = c;

                t0 = System.nanoTime();
                c = 0;
                for (GenomicRegion g : picked) {
                    List<Variant> vs = new ArrayList<>();
                    try (VcfVariantSource src = VcfVariantSource.open(vcf, VcfReadOptions.all().withRegions(List.of(g.toString())), 1)) {
                        src.forEach(vs::add);
                    }
                    c += checksum(vs);
                }
                vcfT[r] = (System.nanoTime() - t0) / 1e9;
                variantsVcf = c;

                t0 = System.nanoTime();
                List<String> all = picked.stream().map(GenomicRegion::toString).toList();
                List<Variant> vs = new ArrayList<>();
                try (VcfVariantSource src = VcfVariantSource.open(vcf, VcfReadOptions.all().withRegions(all), 1)) {
                    src.forEach(vs::add);
                }
                checksum(vs);
                vcfOneOpenT[r] = (System.nanoTime() - t0) / 1e9;
            }
        }
        if (variantsStore != variantsVcf) throw new IllegalStateException("store and VCF disagree: " + variantsStore + " vs " + variantsVcf);
        double s = median(storeT);
        double v = median(vcfT);
        double v1 = median(vcfOneOpenT);
        System.out.printf("gene_reads\tgenes=%d\tstore_s=%.4f\tvcf_per_gene_open_s=%.4f\tvcf_one_open_s=%.4f\tspeedup_per_gene=%.1f\tspeedup_one_open=%.1f%n",
                picked.size(), s, v, v1, v / s, v1 / s);
    }

    /** Touches every carrier so neither side can skip work; also the agreement check. */
    private static long checksum(List<Variant> vs) {
        long c = 0;
        for (Variant v : vs) {
            c += v.pos() + v.alleleCount() * 31L + v.missingCount();
            for (int s : v.carrierSamples()) c += s;
        }
        return c;
    }

    private static double median(double[] x) {
        double[] y = x.clone();
        Arrays.sort(y);
        return y.length % 2 == 1 ? y[y.length / 2] : (y[y.length / 2 - 1] + y[y.length / 2]) / 2;
    }
}
