package org.accessledger.identity.hr;

/**
 * Every {@code hrEventId} ever accepted, across all workers, with the fingerprint of the event it was accepted for.
 * An id is claimed before its command is sent and released if the command is refused, so two batches racing with one
 * id cannot both be accepted, and a refused event may be sent again corrected.
 */
public interface HrEventKeys {

    /** What a claim found: the id is new (claimed now), or was accepted before for the same or for other content. */
    enum Found {
        NEW, SAME_EVENT_ACCEPTED, OTHER_EVENT
    }

    /** {@code workerId}: the worker the id was first claimed for. */
    record Claim(Found found, String workerId) {
    }

    /** Claims {@code hrEventId} for this event, or says who holds it; waits while another request is still sending it. */
    Claim claim(String hrEventId, String workerId, String fingerprint);

    void accepted(String hrEventId);

    void released(String hrEventId);
}
