package org.accessledger.connector.scim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.*;
import org.accessledger.connector.spi.*;
import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accounts as SCIM Users ({@code userName} = worker id, enterprise extension for employee number, department and
 * manager), entitlements as Group memberships changed by PATCH. Disabling sets {@code active} to false. A 409 on
 * create adopts the existing user; a 404 on removal counts as done.
 */
public class ScimConnector implements Connector, CreateAccountOp, UpdateAccountOp, DisableAccountOp, DeleteAccountOp,
        AddEntitlementOp, RemoveEntitlementOp, ReadAccountOp, ListAccountsOp, TestOp {

    private static final TypeReference<ListResponse<UserResource>> USERS = new TypeReference<>() {
    };
    private static final TypeReference<ListResponse<GroupResource>> GROUPS = new TypeReference<>() {
    };
    private static final TypeReference<UserResource> USER = new TypeReference<>() {
    };
    private static final TypeReference<GroupResource> GROUP = new TypeReference<>() {
    };

    private final String name;
    private final ScimSettings settings;
    private final ScimHttp http;
    private final Map<String, String> entitlementsByGroup;
    private final EntitlementTemplate groupNames;

    public ScimConnector(String name, ScimSettings settings) {
        this.name = name;
        this.settings = settings;
        this.http = new ScimHttp(settings);
        this.groupNames = new EntitlementTemplate(settings.groupNameTemplate());
        this.entitlementsByGroup = settings.groups().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void createAccount(AccountSpec account) {
        Optional<UserResource> existing = findUser(account.workerId());
        if (existing.isEmpty()) {
            existing = http.send(HttpMethod.POST, "/Users", toUser(account, null), USER, status -> status == 409)
                    .or(() -> findUser(account.workerId()));
            if (existing.isPresent() && Boolean.TRUE.equals(existing.get().getActive())) {
                return;
            }
        }
        UserResource user = existing.orElseThrow(() -> ConnectorException.transientFailure("SCIM user " + account.workerId() + " vanished", null));
        http.send(HttpMethod.PUT, "/Users/" + user.getId(), toUser(account, user.getId()), USER, status -> false);
    }

    @Override
    public void updateAccount(AccountSpec account) {
        findUser(account.workerId()).ifPresent(user ->
                http.send(HttpMethod.PUT, "/Users/" + user.getId(), toUser(account, user.getId()).setActive(user.getActive()), USER, status -> false));
    }

    @Override
    public void disableAccount(String workerId) {
        findUser(workerId).ifPresent(user -> http.send(HttpMethod.PATCH, "/Users/" + user.getId(),
                new PatchRequest(PatchOperation.replace(Path.root().attribute("active"), false)), USER, status -> status == 404));
    }

    @Override
    public void deleteAccount(String workerId) {
        findUser(workerId).ifPresent(user -> http.send(HttpMethod.DELETE, "/Users/" + user.getId(), null, null, status -> status == 404));
    }

    @Override
    public void addEntitlement(String workerId, String entitlement) {
        UserResource user = findUser(workerId).orElseThrow(() ->
                ConnectorException.permanentFailure("No SCIM user " + workerId + " to grant " + entitlement + " to", null));
        GroupResource group = findGroup(groupName(entitlement)).orElseGet(() -> createGroup(groupName(entitlement), entitlement));
        if (group.getMembers() != null && group.getMembers().stream().anyMatch(existing -> user.getId().equals(existing.getValue()))) {
            return;
        }
        Member member = new Member().setValue(user.getId());
        http.send(HttpMethod.PATCH, "/Groups/" + group.getId(),
                new PatchRequest(PatchOperation.add(Path.root().attribute("members"), com.unboundid.scim2.common.utils.JsonUtils.valueToNode(List.of(member)))),
                GROUP, status -> false);
    }

    @Override
    public void removeEntitlement(String workerId, String entitlement) {
        Optional<UserResource> user = findUser(workerId);
        Optional<GroupResource> group = findGroup(groupName(entitlement));
        if (user.isPresent() && group.isPresent()) {
            http.send(HttpMethod.PATCH, "/Groups/" + group.get().getId(),
                    new PatchRequest(PatchOperation.remove(Path.root().attribute("members", eq("value", user.get().getId())))),
                    GROUP, status -> status == 404);
        }
    }

    @Override
    public Optional<AccountState> readAccount(String workerId) {
        return findUser(workerId).map(this::stateOf);
    }

    @Override
    public List<AccountState> listAccounts() {
        List<AccountState> accounts = new ArrayList<>();
        int start = 1;
        while (true) {
            ListResponse<UserResource> page = http.get("/Users", Map.of("startIndex", start, "count", 200), USERS).orElseThrow();
            page.getResources().forEach(user -> accounts.add(stateOf(user)));
            start += page.getResources().size();
            if (page.getResources().isEmpty() || start > page.getTotalResults()) {
                return accounts;
            }
        }
    }

    @Override
    public void test() {
        http.get("/ServiceProviderConfig", Map.of(), new TypeReference<com.fasterxml.jackson.databind.JsonNode>() {
        }).orElseThrow(() -> ConnectorException.permanentFailure("The SCIM service has no /ServiceProviderConfig", null));
    }

    @Override
    public void close() {
        // Each request opens and closes its own exchange; nothing to release.
    }

    private AccountState stateOf(UserResource user) {
        List<GroupResource> groups = http.get("/Groups", Map.of("filter", eq("members.value", user.getId()).toString()), GROUPS)
                .map(ListResponse::getResources).orElse(List.of());
        Set<String> entitlements = new LinkedHashSet<>();
        groups.forEach(group -> entitlementOf(group).ifPresent(entitlements::add));
        return new AccountState(user.getUserName(), !Boolean.TRUE.equals(user.getActive()), entitlements);
    }

    private Optional<UserResource> findUser(String workerId) {
        return http.get("/Users", Map.of("filter", eq("userName", workerId).toString()), USERS)
                .flatMap(list -> list.getResources().stream().findFirst());
    }

    private Optional<GroupResource> findGroup(String displayName) {
        return http.get("/Groups", Map.of("filter", eq("displayName", displayName).toString()), GROUPS)
                .flatMap(list -> list.getResources().stream().findFirst());
    }

    private GroupResource createGroup(String displayName, String entitlement) {
        GroupResource group = new GroupResource().setDisplayName(displayName);
        group.setExternalId(entitlement);
        return http.send(HttpMethod.POST, "/Groups", group, GROUP, status -> status == 409)
                .or(() -> findGroup(displayName))
                .orElseThrow(() -> ConnectorException.transientFailure("SCIM group " + displayName + " vanished", null));
    }

    private String groupName(String entitlement) {
        String mapped = settings.groups().get(entitlement);
        if (mapped != null) {
            return mapped;
        }
        return groupNames.nameOf(entitlement);
    }

    /** Groups AccessLedger creates carry the entitlement id as externalId; others are matched by name. */
    private Optional<String> entitlementOf(GroupResource group) {
        if (group.getExternalId() != null && !group.getExternalId().isBlank()) {
            return Optional.of(group.getExternalId());
        }
        String groupName = group.getDisplayName();
        String mapped = entitlementsByGroup.get(groupName);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        return groupNames.entitlementOf(groupName);
    }

    /** A SCIM equality filter; the SDK quotes and escapes the value. */
    private static Filter eq(String attribute, String value) {
        try {
            return Filter.eq(attribute, value);
        } catch (ScimException e) {
            throw new IllegalArgumentException("Bad SCIM attribute path " + attribute, e);
        }
    }


    private static UserResource toUser(AccountSpec account, String id) {
        UserResource user = new UserResource().setUserName(account.workerId()).setActive(true)
                .setDisplayName(account.displayName().isBlank() ? account.workerId() : account.displayName().trim())
                .setName(new Name().setGivenName(account.givenName()).setFamilyName(account.familyName()));
        if (account.email() != null) {
            user.setEmails(List.of(new Email().setValue(account.email()).setType("work").setPrimary(true)));
        }
        EnterpriseUserExtension enterprise = new EnterpriseUserExtension().setEmployeeNumber(account.workerId()).setDepartment(account.department());
        if (account.managerId() != null) {
            enterprise.setManager(new Manager().setValue(account.managerId()));
        }
        user.setExtension(enterprise);
        user.setId(id);
        return user;
    }
}
