package org.accessledger.platform.audit.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.accessledger.platform.audit.note.Checkpoint;
import org.accessledger.platform.audit.note.NoteVerifierKey;
import org.accessledger.platform.audit.tree.CompactRange;
import org.accessledger.platform.audit.tree.MerkleHashes;

import java.io.BufferedReader;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;

/**
 * Checks an export of the log ({@code GET /api/v1/audit/events}, NDJSON) against signed checkpoints, trusting
 * nothing but the verifier key: the first {@code size} events of the export must reproduce each checkpoint's root.
 * A root covers all its leaves at once, so a mismatch is located between the last checkpoint that held and the first
 * that did not; more checkpoints narrow it.
 */
public final class ExportVerifier {

    public record Result(boolean verified, String message) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportVerifier() {
    }

    public static Result verify(BufferedReader export, List<String> signedCheckpoints, NoteVerifierKey key) throws IOException {
        List<Checkpoint> checkpoints = signedCheckpoints.stream().map(note -> Checkpoint.open(note, key))
                .sorted(Comparator.comparingLong(Checkpoint::size)).toList();
        if (checkpoints.isEmpty()) {
            return new Result(false, "No checkpoint to verify against");
        }
        CompactRange range = new CompactRange();
        long verifiedUpTo = 0;
        int next = 0;
        String line;
        while (next < checkpoints.size() && checkpoints.get(next).size() == 0) {
            next++;
        }
        while (next < checkpoints.size() && (line = export.readLine()) != null) {
            StoredEvent event;
            try {
                event = JSON.readValue(line, StoredEvent.class);
            } catch (IOException e) {
                return new Result(false, "Line " + (range.size() + 1) + " of the export is not an event: " + e.getMessage());
            }
            range.append(MerkleHashes.leaf(event.canonicalBytes()));
            while (next < checkpoints.size() && checkpoints.get(next).size() == range.size()) {
                Checkpoint checkpoint = checkpoints.get(next);
                if (!MessageDigest.isEqual(range.root(), checkpoint.rootHash())) {
                    return new Result(false, "The export's first " + checkpoint.size() + " events do not reproduce the "
                            + "signed root of size " + checkpoint.size() + ": an event between leaf " + verifiedUpTo
                            + " and leaf " + (checkpoint.size() - 1) + " was changed, removed, added or moved");
                }
                verifiedUpTo = checkpoint.size();
                next++;
            }
        }
        if (next < checkpoints.size()) {
            return new Result(false, "The export holds " + range.size() + " events; the checkpoint covers "
                    + checkpoints.get(next).size());
        }
        return new Result(true, "The export's first " + verifiedUpTo + " events reproduce every signed root ("
                + checkpoints.size() + " checkpoint" + (checkpoints.size() == 1 ? "" : "s") + ")");
    }
}
