package org.rareset.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.report.plot.GenomeAxis;

/** Gene positions for the Manhattan plots, from BED or GTF, found by id, versioned id or name. */
class GenePositionsTest {
    @TempDir Path dir;

    @Test
    void bedAndGtfGiveTheSamePositions() throws IOException {
        Path bed = dir.resolve("genes.bed");
        Files.write(bed, List.of("track name=genes", "chr2\t999\t2000\tENSG00000002.3\tBETA", "chr1\t99\t500\tENSG00000001\tALPHA",
                "chrX\t0\t100\tENSG00000003|GAMMA"));
        Path gtf = dir.resolve("genes.gtf");
        Files.write(gtf, List.of(
                "chr2\tsrc\tgene\t1000\t2000\t.\t+\t.\tgene_id \"ENSG00000002.3\"; gene_name \"BETA\"; gene_type \"protein_coding\";",
                "chr1\tsrc\tgene\t100\t500\t.\t+\t.\tgene_id \"ENSG00000001\"; gene_name \"ALPHA\"; gene_type \"protein_coding\";",
                "chrX\tsrc\tgene\t1\t100\t.\t-\t.\tgene_id \"ENSG00000003\"; gene_name \"GAMMA\"; gene_type \"lncRNA\";"));
        GenePositions fromBed = GenePositions.read(bed);
        GenePositions fromGtf = GenePositions.read(gtf);
        for (String key : List.of("ENSG00000001", "ALPHA", "ENSG00000002", "ENSG00000002.3", "BETA", "ENSG00000003", "GAMMA")) {
            assertEquals(fromBed.get(key), fromGtf.get(key), key);
        }
        GenePositions.Gene beta = fromBed.get("ENSG00000002.7");
        assertEquals("2", beta.chrom());
        assertEquals(999, beta.start());
        assertEquals(2000, beta.end());
        // chromosomes end to end in natural order: 1 (to 500), 2 (to 2000), X; the axis is the midpoint
        assertEquals(500 + (999 + 2000) / 2.0, beta.axis());
        assertEquals(List.of("1", "2", "X"), fromBed.chromosomes().stream().map(GenomeAxis.Chromosome::name).toList());
        assertNull(fromBed.get("DELTA"));
    }

    @Test
    void aFileWithAnotherExtensionIsReadAsBed() throws IOException {
        Path txt = dir.resolve("positions.txt");
        Files.write(txt, List.of("1\t10\t20\tG1\tNAME1"));
        assertEquals(10, GenePositions.read(txt).get("NAME1").start());
    }
}
