package org.rareset.deepset.score;

import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.GenotypesContext;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.rareset.annotate.InputException;
import org.rareset.annotate.vcf.Variant;
import org.rareset.annotate.vcf.VariantSource;
import htsjdk.tribble.TribbleException;
import htsjdk.samtools.util.CloseableIterator;

/**
 * A plain htsjdk-backed {@link VariantSource} for {@code rareset score}: one {@link Variant} per
 * ALT allele, sparse carriers of the minor allele. Reads VCF, VCF.gz and BCF, indexed or not.
 */
public final class HtsjdkVcfSource implements VariantSource {
    private final Path path;
    private final VCFFileReader reader;
    private final List<String> samples;

    public HtsjdkVcfSource(Path path) {
        if (!Files.isRegularFile(path)) throw InputException.of(path, "no such file", "check the --vcf path");
        this.path = path;
        try {
            this.reader = new VCFFileReader(path, false);
        } catch (TribbleException | htsjdk.samtools.SAMException e) {
            throw InputException.of(path, "not a readable VCF: " + e.getMessage(), null);
        }
        this.samples = List.copyOf(reader.getFileHeader().getGenotypeSamples());
    }

    @Override
    public List<String> samples() {
        return samples;
    }

    @Override
    public Iterator<Variant> iterator() {
        CloseableIterator<VariantContext> it = reader.iterator();
        return new Iterator<>() {
            private final ArrayList<Variant> pending = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                while (next == pending.size()) {
                    pending.clear();
                    next = 0;
                    VariantContext vc;
                    try {
                        if (!it.hasNext()) return false;
                        vc = it.next();
                    } catch (TribbleException e) {
                        throw InputException.of(path, e.getMessage(), null);
                    }
                    split(vc, pending);
                }
                return true;
            }

            @Override
            public Variant next() {
                if (!hasNext()) throw new NoSuchElementException();
                return pending.get(next++);
            }
        };
    }

    private void split(VariantContext vc, List<Variant> out) {
        GenotypesContext gts = vc.getGenotypes();
        int n = samples.size();
        for (Allele alt : vc.getAlternateAlleles()) {
            if (alt.isSymbolic() || alt.equals(Allele.SPAN_DEL)) continue;
            int[] altCopies = new int[n];
            int[] ploidy = new int[n];
            boolean[] missing = new boolean[n];
            int ac = 0;
            int an = 0;
            for (int s = 0; s < n; s++) {
                Genotype g = gts.get(s);
                if (g.isNoCall() || g.getAlleles().stream().anyMatch(Allele::isNoCall)) {
                    missing[s] = true;
                    continue;
                }
                for (Allele a : g.getAlleles()) {
                    if (a.equals(alt)) altCopies[s]++;
                }
                ploidy[s] = g.getPloidy();
                ac += altCopies[s];
                an += ploidy[s];
            }
            boolean altIsMinor = 2L * ac <= an;
            IntList carriers = new IntList();
            IntList counts = new IntList();
            IntList missingSamples = new IntList();
            for (int s = 0; s < n; s++) {
                if (missing[s]) {
                    missingSamples.add(s);
                    continue;
                }
                int minor = altIsMinor ? altCopies[s] : ploidy[s] - altCopies[s];
                if (minor > 0) {
                    carriers.add(s);
                    counts.add(minor);
                }
            }
            byte[] c = new byte[counts.size];
            for (int i = 0; i < c.length; i++) c[i] = (byte) counts.values[i];
            out.add(new Variant(vc.getContig(), vc.getStart(), vc.getReference().getBaseString(),
                    alt.getDisplayString(), vc.getID(), ac, an, altIsMinor, carriers.toArray(), c,
                    missingSamples.toArray()));
        }
    }

    @Override
    public void close() {
        reader.close();
    }

    private static final class IntList {
        int[] values = new int[8];
        int size;

        void add(int v) {
            if (size == values.length) values = java.util.Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
