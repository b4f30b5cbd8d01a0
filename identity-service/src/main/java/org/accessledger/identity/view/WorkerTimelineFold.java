package org.accessledger.identity.view;

import org.accessledger.api.worker.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A worker's states over effective time as known now, folded from its events in the order they were stored: each
 * change that took effect adds a state, and a {@link WorkerTimelineCorrected} replaces the states of the current
 * employment from the instant it re-folded. Not thread-safe; one per read.
 */
final class WorkerTimelineFold {

    private record State(Instant at, int employment, WorkerStatus status, Assignment assignment) {
    }

    private final List<State> states = new ArrayList<>();
    private int employmentStart;

    void apply(Object event) {
        if (event instanceof WorkerHired hired) {
            begin(hired.effectiveAt(), hired.employment(), hired.assignment());
        } else if (event instanceof WorkerRehired rehired) {
            begin(rehired.effectiveAt(), rehired.employment(), rehired.assignment());
        } else if (event instanceof WorkerTimelineCorrected corrected) {
            correct(corrected);
        } else if (event instanceof AssignmentChanged changed) {
            add(changed.effectiveAt(), null, changed.assignment());
        } else if (event instanceof WorkerEvent change && statusAfter(change) != null) {
            add(change.effectiveAt(), statusAfter(change), null);
        }
    }

    private static WorkerStatus statusAfter(WorkerEvent event) {
        if (event instanceof WorkerStarted || event instanceof LeaveEnded) {
            return WorkerStatus.ACTIVE;
        }
        if (event instanceof LeaveStarted) {
            return WorkerStatus.ON_LEAVE;
        }
        if (event instanceof WorkerTerminated || event instanceof ContractExpired) {
            return WorkerStatus.TERMINATED;
        }
        return event instanceof HireCancelled ? WorkerStatus.HIRE_CANCELLED : null;
    }

    /** The state in effect at {@code instant}; none before the first employment began. */
    Optional<WorkerStateAsOf> at(String workerId, Instant instant) {
        State found = null;
        for (State state : states) {
            if (!state.at().isAfter(instant)) {
                found = state;
            }
        }
        return Optional.ofNullable(found).map(state -> new WorkerStateAsOf(workerId, instant, state.employment(), state.status(), state.assignment(), state.at()));
    }

    private void begin(Instant start, int employment, Assignment assignment) {
        employmentStart = states.size();
        states.add(new State(start, employment, WorkerStatus.PRE_HIRE, assignment));
    }

    private void add(Instant at, WorkerStatus status, Assignment assignment) {
        State last = states.get(states.size() - 1);
        states.add(new State(at, last.employment(), status != null ? status : last.status(), assignment != null ? assignment : last.assignment()));
    }

    private void correct(WorkerTimelineCorrected corrected) {
        State hire = states.get(employmentStart);
        Instant start = corrected.steps().stream().filter(step -> step.change().type() == ChangeType.START).findFirst()
                .map(step -> step.change().effectiveAt())
                .or(() -> Optional.ofNullable(corrected.edit().added()).filter(added -> added.type() == ChangeType.START).map(TimelineChange::effectiveAt))
                .orElse(hire.at());
        List<State> kept = new ArrayList<>(states.subList(employmentStart + 1, states.size()));
        kept.removeIf(state -> !state.at().isBefore(corrected.effectiveAt()));
        states.subList(employmentStart, states.size()).clear();
        states.add(new State(start, hire.employment(), WorkerStatus.PRE_HIRE, corrected.hiredAs()));
        states.addAll(kept);
        corrected.steps().forEach(step -> states.add(new State(step.change().effectiveAt(), hire.employment(), step.status(), step.assignment())));
    }
}
