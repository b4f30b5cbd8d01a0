package org.accessledger.connector.reconciliation;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.connector.account.DriftKind;
import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.Targets;
import org.accessledger.platform.web.FieldProblem;
import org.accessledger.platform.web.InvalidRequestException;
import org.accessledger.platform.web.NotFoundException;
import org.accessledger.platform.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reconciliation on demand, its runs, and the drift the last run found. */
@RestController
public class ReconciliationController {

    /** The findings of the target's last completed run ({@code reconciliationId} null when none completed yet). */
    public record Drift(String target, String reconciliationId, List<DriftView> findings) {
    }

    private final Targets targets;
    private final Reconciler reconciler;
    private final ReconciliationRuns runs;
    private final DriftFindingsProjection findings;

    public ReconciliationController(Targets targets, Reconciler reconciler, ReconciliationRuns runs, DriftFindingsProjection findings) {
        this.targets = targets;
        this.reconciler = reconciler;
        this.runs = runs;
        this.findings = findings;
    }

    @PostMapping("/api/v1/targets/{target}/reconciliations")
    public ResponseEntity<Map<String, String>> start(@PathVariable String target, Principal user) {
        String id = reconciler.start(find(target), user.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/targets/" + target + "/reconciliations/" + id))
                .body(Map.of("reconciliationId", id));
    }

    @GetMapping("/api/v1/targets/{target}/reconciliations/{reconciliationId}")
    public ReconciliationRun run(@PathVariable String target, @PathVariable String reconciliationId) {
        find(target);
        return runs.find(target, reconciliationId, findings::count)
                .orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "Target " + target + " has no reconciliation " + reconciliationId));
    }

    @GetMapping("/api/v1/targets/{target}/drift")
    public Drift drift(@PathVariable String target, @RequestParam(required = false) String kind, @RequestParam(required = false) String workerId) {
        find(target);
        if (kind != null && Arrays.stream(DriftKind.values()).noneMatch(known -> known.name().equals(kind))) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD, List.of(new FieldProblem("kind", "one-of",
                    "kind must be one of " + Arrays.toString(DriftKind.values()) + ", not '" + kind + "'")));
        }
        return runs.lastCompleted(target)
                .map(run -> new Drift(target, run.reconciliationId(), findings.of(run.reconciliationId(), kind, workerId)))
                .orElseGet(() -> new Drift(target, null, List.of()));
    }

    @ExceptionHandler(ReconciliationRuns.AlreadyRunning.class)
    public ProblemDetail alreadyRunning(ReconciliationRuns.AlreadyRunning e) {
        ProblemDetail problem = Problems.of(ErrorCode.RECONCILIATION_RUNNING, e.getMessage());
        problem.setProperty("reconciliationId", e.runningId);
        return problem;
    }

    @ExceptionHandler(Reconciler.TargetUnavailable.class)
    public ProblemDetail unavailable(Reconciler.TargetUnavailable e) {
        return Problems.of(ErrorCode.TARGET_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(Reconciler.NotReconcilable.class)
    public ProblemDetail notReconcilable(Reconciler.NotReconcilable e) {
        return Problems.of(ErrorCode.NOT_RECONCILABLE, e.getMessage());
    }

    private Target find(String name) {
        return targets.named(name).orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "No target " + name));
    }
}
