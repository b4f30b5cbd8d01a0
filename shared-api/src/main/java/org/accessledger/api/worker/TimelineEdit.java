package org.accessledger.api.worker;

/**
 * What HR changed on the timeline: a change that arrived late ({@code added} only), a correction (an earlier change
 * {@code withdrawn} and its corrected content {@code added}) or a rescind ({@code withdrawn} only).
 */
public record TimelineEdit(Kind kind, TimelineChange withdrawn, TimelineChange added) {

    public enum Kind {
        LATE_CHANGE, CORRECTION, RESCIND
    }
}
