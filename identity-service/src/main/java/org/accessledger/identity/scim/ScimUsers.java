package org.accessledger.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.types.Address;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import org.accessledger.api.worker.WorkerId;
import org.accessledger.api.worker.WorkerType;
import org.accessledger.identity.snapshot.WorkerSnapshot;

import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A SCIM User (core schema, the enterprise extension and the configured HR extension) read as a {@link WorkerSnapshot}. */
final class ScimUsers {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

    /** A User that does not describe a worker, with every attribute at fault. */
    static final class InvalidUserException extends Exception {
        InvalidUserException(List<String> problems) {
            super(String.join("; ", problems));
        }
    }

    private final ScimInboundProperties properties;
    private final Clock clock;

    ScimUsers(ScimInboundProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    WorkerSnapshot toWorker(JsonNode data) throws InvalidUserException {
        UserResource user;
        try {
            user = JsonUtils.nodeToValue(data, UserResource.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidUserException(List.of("data is not a SCIM User: " + firstLine(e.getMessage())));
        }
        List<String> problems = new ArrayList<>();
        if (user.getSchemaUrns() == null || user.getSchemaUrns().stream().noneMatch(urn -> urn != null && urn.toString().equals(USER_SCHEMA))) {
            problems.add("schemas must include " + USER_SCHEMA);
        }
        String workerId = user.getExternalId();
        if (workerId == null || !WorkerId.isValid(workerId)) {
            problems.add("externalId (the worker id) must be " + WorkerId.RULE);
        }
        String givenName = required(user.getName() == null ? null : user.getName().getGivenName(), "name.givenName", problems);
        String familyName = required(user.getName() == null ? null : user.getName().getFamilyName(), "name.familyName", problems);
        String email = required(emailOf(user), "emails (or an e-mail address as userName)", problems);
        WorkerType workerType = workerTypeOf(user.getUserType(), problems);
        String timeZone = timeZoneOf(user.getTimezone(), problems);
        EnterpriseUserExtension enterprise = enterpriseOf(user, problems);
        JsonNode hr = user.getExtensionObjectNode().path(properties.extensionNamespace());
        String jobCode = required(Optional.ofNullable(text(hr, properties.jobCode())).orElse(user.getTitle()),
                "title (or " + properties.extensionNamespace() + ":" + properties.jobCode() + ")", problems);
        String location = required(Optional.ofNullable(text(hr, properties.location())).orElseGet(() -> workLocality(user)),
                "addresses[type eq \"work\"].locality (or " + properties.extensionNamespace() + ":" + properties.location() + ")", problems);
        String department = required(enterprise == null ? null : enterprise.getDepartment(), "enterprise department", problems);
        String costCenter = required(enterprise == null ? null : enterprise.getCostCenter(), "enterprise costCenter", problems);
        String managerId = enterprise == null || enterprise.getManager() == null ? null : enterprise.getManager().getValue();
        LocalDate today = LocalDate.ofInstant(clock.instant(), timeZone == null ? properties.defaultTimeZone() : ZoneId.of(timeZone));
        LocalDate startDate = Optional.ofNullable(date(hr, properties.hireDate(), problems)).orElse(today);
        LocalDate endDate = date(hr, properties.endDate(), problems);
        LocalDate leaveStart = date(hr, properties.leaveStartDate(), problems);
        LocalDate leaveEnd = date(hr, properties.leaveEndDate(), problems);
        LocalDate terminationDate = date(hr, properties.terminationDate(), problems);
        if (Boolean.FALSE.equals(user.getActive()) && terminationDate == null) {
            terminationDate = today.isBefore(startDate) ? startDate : today;
        }
        if (!problems.isEmpty()) {
            throw new InvalidUserException(problems);
        }
        return new WorkerSnapshot(workerId, givenName, familyName, email.trim(), workerType, timeZone, startDate, endDate,
                new WorkerSnapshot.Assignment(department, jobCode, location, costCenter, managerId), leaveStart, leaveEnd, terminationDate,
                Boolean.FALSE.equals(user.getActive()) ? "inactive in the HR system" : null);
    }

    private static String emailOf(UserResource user) {
        List<Email> emails = user.getEmails() == null ? List.of() : user.getEmails();
        return emails.stream().filter(email -> email != null && email.getValue() != null)
                .min(Comparator.comparing((Email email) -> !Boolean.TRUE.equals(email.getPrimary()))
                        .thenComparing(email -> !"work".equals(email.getType())))
                .map(Email::getValue)
                .orElse(user.getUserName() != null && user.getUserName().contains("@") ? user.getUserName() : null);
    }

    private static String workLocality(UserResource user) {
        List<Address> addresses = user.getAddresses() == null ? List.of() : user.getAddresses();
        return addresses.stream().filter(address -> address != null && address.getLocality() != null)
                .min(Comparator.comparing((Address address) -> !"work".equals(address.getType())))
                .map(Address::getLocality).orElse(null);
    }

    private WorkerType workerTypeOf(String userType, List<String> problems) {
        if (userType == null) {
            return WorkerType.EMPLOYEE;
        }
        WorkerType type = properties.workerTypeOf(userType);
        if (type == null) {
            problems.add("userType \"" + userType + "\" is none of " + properties.workerTypes().keySet() + " (accessledger.scim-inbound.worker-types)");
        }
        return type;
    }

    private String timeZoneOf(String timezone, List<String> problems) {
        if (timezone == null) {
            return properties.defaultTimeZone().getId();
        }
        if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
            problems.add("timezone must be an IANA name such as America/Los_Angeles, not \"" + timezone + "\"");
            return null;
        }
        return timezone;
    }

    private static EnterpriseUserExtension enterpriseOf(UserResource user, List<String> problems) {
        try {
            return user.getExtension(EnterpriseUserExtension.class);
        } catch (RuntimeException e) {
            problems.add("the enterprise extension is not readable: " + firstLine(e.getMessage()));
            return null;
        }
    }

    /** A date, or the date part of a date-time with offset as Entra's samples send ({@code 2021-05-01T00:00:00-05:00}). */
    private LocalDate date(JsonNode extension, String attribute, List<String> problems) {
        String value = text(extension, attribute);
        if (value == null) {
            return null;
        }
        try {
            return value.length() > 10 ? OffsetDateTime.parse(value).toLocalDate() : LocalDate.parse(value);
        } catch (DateTimeException e) {
            problems.add(properties.extensionNamespace() + ":" + attribute + " must be a date (2026-12-31) or a date-time with offset, not \"" + value + "\"");
            return null;
        }
    }

    private static String text(JsonNode node, String attribute) {
        JsonNode value = node.get(attribute);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String required(String value, String attribute, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(attribute + " is required");
            return null;
        }
        return value.strip();
    }

    private static String firstLine(String message) {
        String text = Objects.toString(message);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
