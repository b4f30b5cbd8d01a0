package org.accessledger.identity.hr;

import java.util.List;

/** The answer to a post of HR events: one result per event, in the order sent. */
public record HrEventResults(List<HrEventResult> results) {
}
