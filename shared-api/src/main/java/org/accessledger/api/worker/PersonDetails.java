package org.accessledger.api.worker;

import org.accessledger.api.privacy.PersonalData;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What HR tells about the person at hire or rehire: only what access decisions and target accounts need.
 *
 * @param endDate last working day of a fixed-term contract, or {@code null} for an open-ended one
 */
public record PersonDetails(@PersonalData String givenName,
                            @PersonalData String familyName,
                            @PersonalData String email,
                            WorkerType workerType,
                            ZoneId timeZone,
                            LocalDate endDate) {
}
