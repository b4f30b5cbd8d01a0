package org.accessledger.entitlement.publication;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.entitlement.policy.InvalidPolicyException;
import org.accessledger.entitlement.policy.PolicyDiff;
import org.accessledger.entitlement.policy.PolicyParser;
import org.accessledger.platform.web.FieldProblem;
import org.accessledger.platform.web.InvalidRequestException;
import org.accessledger.platform.web.NotFoundException;
import org.accessledger.platform.web.Problems;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Read the access policy in force (or an earlier version); publish a new one, past the publication guard: a version
 * that would revoke more than it allows needs a confirming simulation ({@code ?confirmSimulation=}).
 */
@RestController
@RequestMapping("/api/v1/policy")
@EnableConfigurationProperties(PublishGuardProperties.class)
public class PolicyController {

    static final String YAML = "application/yaml";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EventGateway events;
    private final PublicationImpact impact;
    private final Clock clock;

    public PolicyController(CommandGateway commands, QueryGateway queries, EventGateway events, PublicationImpact impact, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.events = events;
        this.impact = impact;
        this.clock = clock;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public PolicyView policy(@RequestParam(required = false) Long version) {
        return queries.query(new FindPolicyQuery(version), ResponseTypes.optionalInstanceOf(PolicyView.class)).join()
                .orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "No policy version " + (version == null ? "is published" : version)));
    }

    @GetMapping(produces = {YAML, MediaType.TEXT_PLAIN_VALUE})
    public String policyDocument(@RequestParam(required = false) Long version) {
        return policy(version).document();
    }

    /** What changed from version {@code from} to version {@code to}, rule by rule and entitlement by entitlement. */
    @GetMapping(path = "/versions/{from}/diff/{to}", produces = MediaType.APPLICATION_JSON_VALUE)
    public VersionDiff diff(@PathVariable long from, @PathVariable long to) {
        return new VersionDiff(from, to, PolicyDiff.between(PolicyParser.parse(policy(from).document()), PolicyParser.parse(policy(to).document())));
    }

    public record VersionDiff(long from, long to, PolicyDiff changes) {
    }

    @PutMapping(consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    public ResponseEntity<?> publish(@RequestBody String document, @RequestParam(required = false) String confirmSimulation, Authentication caller) {
        validate(document);
        String hash = AccessPolicyHistory.sha256(document);
        if (confirmSimulation != null) {
            Optional<String> refusal = impact.refusalToConfirm(confirmSimulation, hash);
            if (refusal.isPresent()) {
                throw new InvalidRequestException(ErrorCode.INVALID_FIELD, List.of(new FieldProblem("confirmSimulation", "confirms", refusal.get())));
            }
            return ResponseEntity.ok(commands.sendAndWait(new PublishPolicy(document, caller.getName(), confirmSimulation)));
        }
        if (hash.equals(currentHash())) {
            return ResponseEntity.ok(commands.sendAndWait(new PublishPolicy(document, caller.getName())));
        }
        PublicationImpact.Assessment assessment = impact.assess(document);
        if (assessment.trips()) {
            events.publish(new PolicyPublicationRefused(hash, assessment.revocations(), assessment.workersLosing(), assessment.workers(),
                    caller.getName(), clock.instant()));
            ProblemDetail problem = Problems.of(ErrorCode.POLICY_CHANGE_NEEDS_CONFIRMATION, "This version would revoke " + assessment.revocations()
                    + " entitlements of " + assessment.workersLosing() + " of " + assessment.workers() + " workers now; accessledger.policy.publish-guard allows "
                    + assessment.limits() + ". Simulate it (POST /api/v1/policy/simulations) and publish with ?confirmSimulation=<simulationId>");
            problem.setProperty("impact", assessment.summary());
            return ResponseEntity.status(Problems.statusOf(ErrorCode.POLICY_CHANGE_NEEDS_CONFIRMATION))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(commands.sendAndWait(new PublishPolicy(document, caller.getName())));
    }

    /** An invalid candidate is refused with every fault's path, for a publication and a simulation alike. */
    public static void validate(String document) {
        try {
            PolicyParser.parse(document);
        } catch (InvalidPolicyException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_POLICY, e.problems().stream()
                    .map(problem -> new FieldProblem(problem.path(), "policy", problem.message())).toList());
        }
    }

    private String currentHash() {
        return queries.query(new FindPolicyQuery(null), ResponseTypes.optionalInstanceOf(PolicyView.class)).join().map(PolicyView::hash).orElse(null);
    }
}
