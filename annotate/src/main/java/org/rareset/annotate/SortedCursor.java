package org.rareset.annotate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rareset.core.InputException;
import org.rareset.core.region.Contigs;

/**
 * Merges an annotation stream against cohort variants that arrive sorted by position within
 * each contig: {@link #at} returns the records at one position, reading forward only as far as
 * needed, so memory holds one position's records however large the file.
 *
 * <p>Indexed streams seek to each new contig and jump ahead over long gaps ({@value #JUMP_BASES}
 * bases). Unindexed streams read straight through; if the cohort visits contigs in another order
 * than the file, the file is read again from the start for that contig (slower, never wrong).
 */
final class SortedCursor implements AutoCloseable {
    static final int JUMP_BASES = 200_000;

    private final Path file;
    private final RecordStream stream;
    private final List<KeyedRecord> here = new ArrayList<>(4);
    private final Set<String> contigsSeen = new HashSet<>();
    private final Set<String> absent = new HashSet<>();
    private boolean fullPassDone;
    private boolean startedFromTop = true;
    private KeyedRecord ahead;
    private boolean aheadLoaded;
    private String contig;
    private int herePos = -1;
    private KeyedRecord firstRecord;

    SortedCursor(Path file, RecordStream stream) {
        this.file = file;
        this.stream = stream;
    }

    /** An example record key, for "no matches" messages. */
    KeyedRecord firstRecord() {
        peek();
        return firstRecord;
    }

    private KeyedRecord peek() {
        if (!aheadLoaded) {
            KeyedRecord prev = ahead;
            ahead = stream.next();
            aheadLoaded = true;
            if (ahead != null) {
                if (firstRecord == null) firstRecord = ahead;
                contigsSeen.add(ahead.chrom());
                if (prev != null && prev.chrom().equals(ahead.chrom()) && ahead.pos() < prev.pos()) {
                    throw new InputException(file.toString(), stream.location(), "not sorted: position "
                            + ahead.pos() + " follows " + prev.pos() + " on " + ahead.chrom(),
                            "sort it by chromosome and position (and bgzip + tabix index it for speed)");
                }
            } else if (startedFromTop) {
                fullPassDone = true;
            }
        }
        return ahead;
    }

    private void advance() {
        aheadLoaded = false;
        peek();
    }

    /** The records at canonical {@code chrom}, {@code pos}; calls must not go backwards within a contig. */
    List<KeyedRecord> at(String chrom, int pos) {
        if (!chrom.equals(contig)) {
            enterContig(chrom, pos);
        } else if (pos == herePos) {
            return here;
        }
        here.clear();
        herePos = pos;
        if (absent.contains(chrom)) return here;
        KeyedRecord r = peek();
        if (stream.canSeek() && r != null && r.chrom().equals(chrom) && pos - r.pos() > JUMP_BASES) {
            stream.seek(chrom, pos);
            aheadLoaded = false;
            ahead = null;
            r = peek();
        }
        while (r != null && r.chrom().equals(chrom) && r.pos() < pos) {
            advance();
            r = peek();
        }
        while (r != null && r.chrom().equals(chrom) && r.pos() == pos) {
            here.add(r);
            advance();
            r = peek();
        }
        return here;
    }

    private void enterContig(String chrom, int pos) {
        contig = chrom;
        herePos = -1;
        if (absent.contains(chrom)) return;
        if (stream.canSeek()) {
            stream.seek(chrom, pos);
            aheadLoaded = false;
            ahead = null;
            startedFromTop = false;
            return;
        }
        if (fullPassDone && !contigsSeen.contains(chrom)) {
            absent.add(chrom);
            return;
        }
        // Read forward to the contig; if the file ends first, look again from the top once.
        boolean restarted = false;
        while (true) {
            KeyedRecord r = peek();
            if (r != null && r.chrom().equals(chrom)) return;
            if (r == null) {
                if (restarted || (startedFromTop && fullPassDone && !contigsSeen.contains(chrom))) {
                    absent.add(chrom);
                    return;
                }
                stream.restart();
                startedFromTop = true;
                ahead = null;
                aheadLoaded = false;
                restarted = true;
                continue;
            }
            advance();
        }
    }

    @Override
    public void close() {
        stream.close();
    }

    static String canonical(String chrom) {
        return Contigs.canonical(chrom);
    }
}
