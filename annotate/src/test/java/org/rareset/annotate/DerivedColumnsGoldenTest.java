package org.rareset.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rareset.core.table.Row;
import org.rareset.core.table.TableReader;
import org.rareset.core.table.TableReaders;
import org.rareset.genotypes.vcf.Variant;
import org.rareset.genotypes.vcf.VcfVariantSource;

/**
 * MAF and MAF_MB from the cohort genotypes against the DeepRVAT golden fixture, whose values were
 * computed in Python exactly as DeepRVAT does (shared/golden/deeprvat/README.md). Also the
 * hand-checkable closed forms.
 */
class DerivedColumnsGoldenTest {
    @Test
    void closedForms() {
        assertEquals(10000.0, DerivedColumns.mafMb(0.0), "(0 + 1e-8)^-1/2");
        assertEquals(2.0, DerivedColumns.mafMb(0.5), 1e-7, "(1/4 + 1e-8)^-1/2 ~ 2");
        assertEquals(0.25, DerivedColumns.maf(0.75));
        assertEquals(Math.pow(0.09 + 1e-8, -0.5), DerivedColumns.mafMb(0.1), 1e-12);
    }

    @Test
    void matchesDeepRvatGoldenFixture() throws Exception {
        String shared = System.getProperty("rareset.shared");
        Path dir = shared == null ? null : Path.of(shared, "golden", "deeprvat");
        assumeTrue(dir != null && Files.isRegularFile(dir.resolve("annotations.tsv")),
                "../shared/golden/deeprvat absent: skipping");
        Map<String, double[]> expected = new HashMap<>();
        try (TableReader r = TableReaders.open(dir.resolve("annotations.tsv"))) {
            int c = r.requireColumn("chrom");
            int p = r.requireColumn("pos");
            int ref = r.requireColumn("ref");
            int alt = r.requireColumn("alt");
            int maf = r.requireColumn("MAF");
            int mb = r.requireColumn("MAF_MB");
            for (Row row : r) {
                expected.put(row.getString(c) + ":" + row.getString(p) + ":" + row.getString(ref) + ":" + row.getString(alt),
                        new double[] {row.getDouble(maf), row.getDouble(mb)});
            }
        }
        int checked = 0;
        try (VcfVariantSource src = VcfVariantSource.open(dir.resolve("cohort.vcf.gz"))) {
            for (Variant v : src) {
                double[] e = expected.get(v.key());
                if (e == null) continue;
                double af = DerivedColumns.af(v);
                assertEquals(e[0], DerivedColumns.maf(af), 0.0, v.key() + " MAF");
                assertEquals(e[1], DerivedColumns.mafMb(af), 0.0, v.key() + " MAF_MB (bit-identical to Python)");
                checked++;
            }
        }
        assertEquals(79, checked, "every VCF record has golden rows");
    }
}
