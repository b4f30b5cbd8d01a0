package org.accessledger.identity.hr;

import org.accessledger.identity.worker.command.WorkerCommand;


/** An HR event that passed the contract checks, and the command it stands for. */
public record HrEvent(HrEventType type, WorkerCommand command) {
}
