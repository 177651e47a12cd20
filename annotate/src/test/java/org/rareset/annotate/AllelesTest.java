package org.rareset.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The allele strings VEP writes in CSQ, by the rule of its VCF parser (Bio::EnsEMBL::VEP::Parser::VCF,
 * release 110): the shared first base is dropped only for records with an indel, {@code *} alleles
 * are left out of the check and kept, an empty allele is {@code -}.
 */
class AllelesTest {
    @Test
    void indelsLoseTheSharedFirstBase() {
        assertEquals("-", Alleles.vepAllele("AT", new String[] {"A"}, "A"));
        assertEquals("T", Alleles.vepAllele("A", new String[] {"AT"}, "AT"));
        assertEquals("TT", Alleles.vepAllele("A", new String[] {"AT", "ATT"}, "ATT"));
    }

    @Test
    void snvsAndSameLengthChangesKeepTheirAlleles() {
        assertEquals("G", Alleles.vepAllele("A", new String[] {"G"}, "G"));
        assertEquals("CT", Alleles.vepAllele("CA", new String[] {"CT"}, "CT"), "an MNV with a shared first base is not trimmed");
        assertEquals("G", Alleles.vepAllele("A", new String[] {"G", "AT"}, "G"), "first bases differ: nothing trimmed");
    }

    @Test
    void spanningDeletionsDoNotStopTrimming() {
        assertEquals("T", Alleles.vepAllele("A", new String[] {"AT", "*"}, "AT"));
        assertEquals("*", Alleles.vepAllele("A", new String[] {"AT", "*"}, "*"));
    }
}
