package org.rareset.core.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;
import org.rareset.core.table.Column;
import org.rareset.core.table.TableWriters;

/** The annotation table's key columns: each accepted name, each error, and the key every consumer matches on. */
class AnnotationTableFileTest {
    @TempDir Path dir;

    /** The entries of a table written here, as "key gene". */
    private List<String> entries(String name, String text) throws Exception {
        Path p = Files.writeString(dir.resolve(name), text);
        List<String> out = new ArrayList<>();
        try (AnnotationTableFile.Reader r = AnnotationTableFile.open(p)) {
            for (AnnotationTableFile.Entry e : r) out.add(e.variant().key() + " " + e.gene());
        }
        return out;
    }

    private InputException error(String name, String text) {
        return assertThrows(InputException.class, () -> entries(name, text));
    }

    private static AnnotationTableFile.Layout layout(String... columns) {
        return AnnotationTableFile.Layout.of("t.tsv", List.of(columns));
    }

    @Test
    void everyNameOfTheVariantColumns() throws Exception {
        List<String> expected = List.of("1:100:A:G G1");
        assertEquals(expected, entries("a.tsv", "chrom\tpos\tref\talt\tgene\nchr1\t100\tA\tG\tG1\n"));
        assertEquals(expected, entries("b.tsv", "chr\tpos\tref\talt\tgene\n1\t100\ta\tg\tG1\n"));
        assertEquals(expected, entries("c.tsv", "chromosome\tposition\tref\talt\tgene\nCHR1\t100\tA\tG\tG1\n"));
        assertEquals(expected, entries("d.tsv", "CHROM\tPOS\tREF\tALT\tgene\n1\t100\tA\tG\tG1\n"));
        assertEquals(expected, entries("e.csv", "Chrom,Pos,Ref,Alt,Gene\n1,100,A,G,G1\n"));
        assertEquals(expected, entries("f.txt", "chrom pos ref alt gene\n1 100 A G G1\n"));
    }

    @Test
    void idColumnWhenAVariantColumnIsAbsent() throws Exception {
        List<String> expected = List.of("1:100:A:G G1");
        assertEquals(expected, entries("a.tsv", "variant\tgene\nchr1:100:A:G\tG1\n"));
        assertEquals(expected, entries("b.tsv", "variant_id\tgene_id\n1:100:a:g\tG1\n"));
        assertEquals(expected, entries("c.tsv", "ID\tgene\tscore\n1:100:A:G\tG1\t3\n"));
        // chrom and pos alone are not a variant: the id column is used
        assertEquals(expected, entries("d.tsv", "chrom\tpos\tid\tgene\n9\t9\t1:100:A:G\tG1\n"));
    }

    @Test
    void idIsAnAnnotationWhenTheFourColumnsAreThere() {
        AnnotationTableFile.Layout l = layout("chrom", "pos", "ref", "alt", "variant_id", "gene_id", "gene_name", "CADD");
        assertEquals(-1, l.id());
        assertEquals(5, l.gene());
        assertEquals(List.of("variant_id", "gene_name", "CADD"), l.annotationColumns());
        AnnotationTableFile.Layout byId = layout("chrom", "id", "gene", "CADD");
        assertEquals(List.of("chrom", "CADD"), byId.annotationColumns(), "unused variant columns stay annotations");
    }

    @Test
    void geneColumnPreference() {
        assertEquals(1, layout("variant", "gene", "gene_id", "gene_name").gene());
        assertEquals(2, layout("variant", "gene_name", "gene_id").gene());
        assertEquals(1, layout("variant", "gene_name").gene());
        assertEquals(1, layout("variant", "GENE").gene());
    }

    @Test
    void headerErrorsNameTheColumnsThere() {
        InputException noGene = assertThrows(InputException.class, () -> layout("chrom", "pos", "ref", "alt", "x"));
        assertEquals("line 1", noGene.location());
        assertTrue(noGene.getMessage().contains("no 'gene' or 'gene_id' column (columns: chrom, pos, ref, alt, x)"), noGene.getMessage());
        InputException noVariant = assertThrows(InputException.class, () -> layout("chrom", "pos", "ref", "gene"));
        assertEquals("line 1", noVariant.location());
        assertTrue(noVariant.getMessage().contains("no variant columns"), noVariant.getMessage());
    }

    @Test
    void rowErrorsNameFileAndLine() {
        String head = "chrom\tpos\tref\talt\tgene\n1\t5\tA\tG\tG1\n";
        InputException noChrom = error("a.tsv", head + "NA\t100\tA\tG\tG1\n");
        assertEquals("line 3", noChrom.location());
        assertTrue(noChrom.getMessage().startsWith(dir.resolve("a.tsv") + ": line 3: empty chrom"), noChrom.getMessage());
        assertTrue(error("b.tsv", head + "1\tabc\tA\tG\tG1\n").getMessage().contains("line 3: pos 'abc' is not a position"));
        assertTrue(error("c.tsv", head + "1\t0\tA\tG\tG1\n").getMessage().contains("pos '0' is not a position"));
        assertTrue(error("d.tsv", head + "1\t100\t.\tG\tG1\n").getMessage().contains("line 3: empty ref"));
        assertTrue(error("e.tsv", head + "1\t100\tA\tG\t\n").getMessage().contains("line 3: empty gene"));
        InputException badId = error("f.tsv", "variant\tgene\n1:100:A:G\tG1\n1-100-A-G\tG1\n");
        assertTrue(badId.getMessage().contains("line 3: variant '1-100-A-G' is not chrom:pos:ref:alt"), badId.getMessage());
        assertTrue(error("g.tsv", "variant\tgene\n1:x:A:G\tG1\n").getMessage().contains("pos 'x' is not a position"));
        InputException absent = assertThrows(InputException.class, () -> AnnotationTableFile.open(dir.resolve("none.tsv")));
        assertTrue(absent.getMessage().contains("file not found"), absent.getMessage());
    }

    @Test
    void theWritersSchemaReadsBack() throws Exception {
        Path p = dir.resolve("a.parquet");
        TableWriters.write(p, AnnotationTableFile.schema(AnnotationTableFile.ANNOTATE_KEY, List.of(Column.float64("CADD"))),
                w -> w.writeRow("chr2", 7, "c", "T", "2:7:C:T", "ENSG1", "GENE1", 12.5));
        try (AnnotationTableFile.Reader r = AnnotationTableFile.open(p)) {
            assertEquals(List.of("variant_id", "gene_name", "CADD"), r.layout().annotationColumns());
            List<String> got = new ArrayList<>();
            for (AnnotationTableFile.Entry e : r) {
                got.add(e.variant().key() + " " + e.gene() + " " + e.row().getDouble(r.table().columnIndex("CADD")));
                assertEquals(new AnnotationTableFile.VariantKey("chr2", 7, "c", "T"), e.variant(), "the variant as written");
            }
            assertEquals(List.of("2:7:C:T ENSG1 12.5"), got);
        }
    }

    @Test
    void keyDropsChrAndUpperCasesAlleles() {
        assertEquals("X:12:AC:T", AnnotationTableFile.key("chrX", 12, "ac", "t"));
        assertEquals("chr:12:A:T", AnnotationTableFile.key("chr", 12, "A", "T"), "a contig named 'chr' keeps its name");
        assertEquals("1:12:A:T", AnnotationTableFile.key("1", " 12 ", "A", "T"));
    }
}
