package org.accessledger.identity.scim;

import org.accessledger.api.worker.WorkerType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * How a SCIM User of {@code POST /scim/v2/bulkUpload} maps onto a worker ({@code accessledger.scim-inbound}).
 *
 * @param extensionNamespace the schema URN whose attributes carry the HR dates (Entra's samples use their own, such as
 *                           {@code urn:contoso:employee})
 * @param hireDate           attribute of that extension holding the start date; a new active User without it starts today
 * @param endDate            … the last day of a fixed-term contract
 * @param leaveStartDate     … the first day of a leave
 * @param leaveEndDate       … the day the worker is back
 * @param terminationDate    … the last working day; {@code active: false} without it ends the employment today
 * @param jobCode            … the job code; a User without it gives its {@code title}
 * @param location           … the location; a User without it gives the locality of its work address
 * @param defaultTimeZone    the time zone of a User without {@code timezone}
 * @param workerTypes        {@code userType} (case-insensitive) to worker type
 */
@ConfigurationProperties("accessledger.scim-inbound")
public record ScimInboundProperties(@DefaultValue("urn:ietf:params:scim:schemas:extension:accessledger:1.0:User") String extensionNamespace,
                                    @DefaultValue("HireDate") String hireDate,
                                    @DefaultValue("EndDate") String endDate,
                                    @DefaultValue("LeaveStartDate") String leaveStartDate,
                                    @DefaultValue("LeaveEndDate") String leaveEndDate,
                                    @DefaultValue("TerminationDate") String terminationDate,
                                    @DefaultValue("JobCode") String jobCode,
                                    @DefaultValue("Location") String location,
                                    @DefaultValue("UTC") ZoneId defaultTimeZone,
                                    Map<String, WorkerType> workerTypes) {

    public ScimInboundProperties {
        workerTypes = workerTypes == null || workerTypes.isEmpty()
                ? Map.of("employee", WorkerType.EMPLOYEE, "contractor", WorkerType.CONTRACTOR, "intern", WorkerType.INTERN)
                : workerTypes;
    }

    WorkerType workerTypeOf(String userType) {
        return workerTypes.entrySet().stream().filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).equals(userType.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
