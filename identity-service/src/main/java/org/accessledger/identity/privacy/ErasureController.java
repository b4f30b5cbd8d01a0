package org.accessledger.identity.privacy;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.accessledger.api.worker.PersonalDataErased;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.identity.worker.command.ErasePersonalData;
import org.accessledger.platform.privacy.PersonalDataVault;
import org.accessledger.platform.privacy.PrivacyProperties;
import org.accessledger.platform.web.NotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Erasure of a leaver's personal data by crypto-shredding: the worker aggregate records {@link PersonalDataErased}
 * (and refuses a worker still employed, or terminated less than the retention period ago), then the worker's key is
 * destroyed at once; {@link PersonalDataShredder} destroys it again from the event, should this process stop between
 * the two.
 */
@RestController
public class ErasureController {

    private final CommandGateway commands;
    private final PersonalDataVault vault;
    private final PrivacyProperties privacy;

    public ErasureController(CommandGateway commands, PersonalDataVault vault, PrivacyProperties privacy) {
        this.commands = commands;
        this.vault = vault;
        this.privacy = privacy;
    }

    @PostMapping("/api/v1/workers/{workerId}/erasure")
    public ErasureView erase(@PathVariable String workerId, Authentication caller) {
        if (!WorkerId.isValid(workerId)) {
            throw new NotFoundException(ErrorCode.WORKER_NOT_FOUND, "No worker " + workerId + " was ever hired");
        }
        if (!vault.enabled()) {
            throw new RuleViolationException(ErrorCode.ERASURE_NOT_CONFIGURED, "workerId",
                    "Personal data is not sealed here (accessledger.privacy.enabled is false), so it cannot be erased");
        }
        PersonalDataErased erased = commands.sendAndWait(new ErasePersonalData(WorkerId.of(workerId), privacy.retention(), caller.getName()));
        vault.erase(workerId, erased.effectiveAt());
        return new ErasureView(workerId, erased.effectiveAt(), erased.terminatedAt(), erased.requestedBy());
    }

    /** What an erasure answers: no personal data, only who was erased, when, and after which termination. */
    public record ErasureView(String workerId, Instant erasedAt, Instant terminatedAt, String requestedBy) {
    }
}
