package org.rareset.genotypes.input;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;

/**
 * Turns PLINK-style two-part sample ids (FID, IID) into the one-part names VCFs, phenotype files
 * and the store use: the IID by default, or {@code FID_IID} (plink2's {@code id-paste=fid,iid}
 * with its default delimiter '_', the inverse of {@code --id-delim}).
 */
public final class SampleIds {
    private SampleIds() {}

    public static String name(String fid, String iid, boolean fidIid) {
        return fidIid ? fid + "_" + iid : iid;
    }

    /**
     * Fails on the first name seen twice, naming both lines of {@code file}.
     *
     * @param firstLine the file line of {@code names.get(0)}; names are on consecutive lines
     */
    public static void requireUnique(Path file, List<String> names, long firstLine, boolean fidIid) {
        Map<String, Integer> seen = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            Integer before = seen.put(names.get(i), i);
            if (before != null) {
                throw InputException.atLine(file, firstLine + i, "sample id '" + names.get(i) + "' appears again (first on line "
                                + (firstLine + before) + ")",
                        fidIid ? "sample ids (FID_IID) must be unique; remove or rename the duplicate"
                                : "sample ids (IIDs) must be unique; remove or rename the duplicate, or use --fid-iid when FIDs tell them apart");
            }
        }
    }
}
