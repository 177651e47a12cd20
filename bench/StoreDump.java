import java.nio.file.Path;
import org.rareset.genotypes.store.GenotypeStore;
import org.rareset.genotypes.vcf.Variant;

/** Prints chrom, pos, ref, alt, AC, AN of every variant of a store, to compare with bcftools. */
public class StoreDump {
    public static void main(String[] args) {
        try (GenotypeStore gs = GenotypeStore.open(Path.of(args[0]))) {
            StringBuilder sb = new StringBuilder();
            for (Variant v : gs) {
                sb.append(v.chrom()).append('\t').append(v.pos()).append('\t').append(v.ref()).append('\t')
                        .append(v.alt()).append('\t').append(v.alleleCount()).append('\t').append(v.alleleNumber()).append('\n');
            }
            System.out.print(sb);
        }
    }
}
