package org.accessledger.entitlement.publication;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.entitlement.policy.InvalidPolicyException;
import org.accessledger.entitlement.policy.PolicyParser;
import org.accessledger.platform.web.FieldProblem;
import org.accessledger.platform.web.InvalidRequestException;
import org.accessledger.platform.web.NotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read the access policy in force (or an earlier version); publish a new one. */
@RestController
@RequestMapping("/api/v1/policy")
public class PolicyController {

    static final String YAML = "application/yaml";

    private final CommandGateway commands;
    private final QueryGateway queries;

    public PolicyController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
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

    @PutMapping(consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    public PublishedVersion publish(@RequestBody String document, Authentication caller) {
        try {
            PolicyParser.parse(document);
        } catch (InvalidPolicyException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_POLICY, e.problems().stream()
                    .map(problem -> new FieldProblem(problem.path(), "policy", problem.message())).toList());
        }
        return commands.sendAndWait(new PublishPolicy(document, caller.getName()));
    }
}
