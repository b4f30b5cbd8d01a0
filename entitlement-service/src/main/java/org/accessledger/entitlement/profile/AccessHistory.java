package org.accessledger.entitlement.profile;

import org.accessledger.api.access.AccessEvent;
import org.accessledger.api.access.AccessPeriodCorrected;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One worker's access over effective time as known now, from the access profile's events in the order they were
 * stored: the decisions as they were made (what was provisioned), and the corrections that re-decided windows of the
 * past on a corrected timeline. At any instant the latest correction whose window holds it says what the access was;
 * elsewhere the decisions effective by then do. Not thread-safe.
 */
public final class AccessHistory {

    private final List<Object> decisions = new ArrayList<>();
    private final List<AccessTimelineCorrected> corrections = new ArrayList<>();
    private final List<AccessPeriodCorrected> correctedPeriods = new ArrayList<>();
    private Instant lastEffectiveAt;

    /** Takes note of one event of the profile; other events are ignored. */
    public void record(Object event) {
        if (event instanceof WorkerFactsChanged || event instanceof AccessEvent) {
            decisions.add(event);
            later(effectiveAt(event));
        } else if (event instanceof AccessTimelineCorrected correction) {
            corrections.add(correction);
            later(correction.correctedAt());
        } else if (event instanceof AccessPeriodCorrected period) {
            correctedPeriods.add(period);
        }
    }

    /** The re-decided access at {@code instant}, where a correction's window holds it. */
    public Optional<AccessSnapshot> correctedAt(Instant instant) {
        return correctionHolding(instant).flatMap(correction -> correction.periods().stream().filter(period -> period.covers(instant)).findFirst());
    }

    /** The decisions effective by {@code instant}, in effective order (in the order stored where they tie). */
    public List<Object> decisionsEffectiveBy(Instant instant) {
        return decisions.stream().filter(event -> !effectiveAt(event).isAfter(instant))
                .sorted(Comparator.comparing(AccessHistory::effectiveAt)).toList();
    }

    /** The corrected periods that hold {@code instant}, as the latest correction whose window holds it recorded them. */
    public List<AccessPeriodCorrected> correctedPeriodsAt(Instant instant) {
        return correctionHolding(instant).map(correction -> correctedPeriods.stream()
                .filter(period -> period.causeEventId().equals(correction.causeEventId()))
                .filter(period -> !instant.isBefore(period.from()) && instant.isBefore(period.until())).toList()).orElse(List.of());
    }

    /** The latest instant anything recorded takes effect at, or {@code null} for a new profile. */
    Instant lastEffectiveAt() {
        return lastEffectiveAt;
    }

    /** The access as known now just before {@code instant}. */
    ProfileState stateBefore(Instant instant) {
        Optional<AccessTimelineCorrected> correction = corrections.stream()
                .filter(candidate -> candidate.effectiveAt().isBefore(instant) && !instant.isAfter(candidate.correctedAt()))
                .reduce((earlier, later) -> later);
        Optional<AccessSnapshot> period = correction.flatMap(found -> found.periods().stream()
                .filter(candidate -> candidate.from().isBefore(instant) && !instant.isAfter(candidate.until())).findFirst());
        if (period.isPresent()) {
            return ProfileState.of(period.get());
        }
        ProfileState state = new ProfileState();
        decisions.stream().filter(event -> effectiveAt(event).isBefore(instant)).sorted(Comparator.comparing(AccessHistory::effectiveAt)).forEach(state::apply);
        return state;
    }

    /** The decisions effective in [{@code from}, {@code until}), in effective order. */
    List<Object> decisionsBetween(Instant from, Instant until) {
        return decisions.stream().filter(event -> !effectiveAt(event).isBefore(from) && effectiveAt(event).isBefore(until))
                .sorted(Comparator.comparing(AccessHistory::effectiveAt)).toList();
    }

    /** The latest correction whose window holds {@code instant}. */
    public Optional<AccessTimelineCorrected> correctionHolding(Instant instant) {
        return corrections.stream()
                .filter(correction -> !instant.isBefore(correction.effectiveAt()) && instant.isBefore(correction.correctedAt()))
                .reduce((earlier, later) -> later);
    }

    private void later(Instant instant) {
        if (lastEffectiveAt == null || instant.isAfter(lastEffectiveAt)) {
            lastEffectiveAt = instant;
        }
    }

    static Instant effectiveAt(Object event) {
        return event instanceof AccessEvent access ? access.effectiveAt() : ((WorkerFactsChanged) event).effectiveAt();
    }
}
