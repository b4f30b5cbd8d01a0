package org.accessledger.platform.audit.log;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One event exactly as the event store holds it, and the canonical bytes its log leaf hashes: every field, each
 * preceded by its length (4 bytes, big-endian), so that no two different events share a leaf.
 *
 * @param globalIndex the store's position, which orders the log but is not hashed (Axon Server numbers differently)
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                          long sequenceNumber, String timestamp, String payloadType, String payloadRevision,
                          byte[] payload, byte[] metaData) {

    /** Names the layout below; a later layout gets a new name and old leaves keep theirs. */
    static final String FORMAT = "accessledger-event-v1";

    public byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + metaData.length + 256);
        write(out, text(FORMAT));
        write(out, text(eventIdentifier));
        write(out, text(aggregateType));
        write(out, text(aggregateIdentifier));
        write(out, text(Long.toString(sequenceNumber)));
        write(out, text(timestamp));
        write(out, text(payloadType));
        write(out, text(payloadRevision));
        write(out, payload);
        write(out, metaData);
        return out.toByteArray();
    }

    private static byte[] text(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, byte[] field) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(field.length).array());
        out.writeBytes(field);
    }
}
