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

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Accounts as SCIM Users ({@code userName} and {@code externalId} = worker id, enterprise extension for employee
 * number, department and manager), entitlements as Group memberships changed by PATCH ({@link ScimGroups}). Disabling
 * sets {@code active} to false. A 409 on create adopts the existing user of the same worker; a 404 on removal counts
 * as done.
 *
 * <p>Servers match {@code userName} ignoring case (RFC 7643 declares it so), so the user a filter finds may be
 * another worker's: a user is this worker's only when its owner, the first of {@code externalId},
 * {@code employeeNumber} and {@code userName} it has, is the worker id exactly. Any other is refused, never changed.
 */
public class ScimConnector implements Connector, CreateAccountOp, UpdateAccountOp, DisableAccountOp, DeleteAccountOp,
        AddEntitlementOp, RemoveEntitlementOp, ReadAccountOp, ListAccountsOp, TestOp {

    private static final TypeReference<ListResponse<UserResource>> USERS = new TypeReference<>() {
    };
    private static final TypeReference<UserResource> USER = new TypeReference<>() {
    };

    private final String name;
    private final ScimHttp http;
    private final ScimGroups groups;
    private final boolean managerReference;

    public ScimConnector(String name, ScimSettings settings, GroupIds groupIds) {
        this.name = name;
        this.http = new ScimHttp(settings);
        this.groups = new ScimGroups(http, groupIds, settings.groupNameTemplate(), settings.groups());
        this.managerReference = settings.managerReference();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TargetAnswer createAccount(AccountSpec account) {
        Optional<UserResource> existing = accountOf(account.workerId());
        if (existing.isEmpty()) {
            Optional<UserResource> created = http.send(HttpMethod.POST, "/Users", toUser(account, null), USER, status -> status == 409);
            if (created.isPresent() && Boolean.TRUE.equals(created.get().getActive())) {
                return answerOf(created.get());
            }
            existing = created.or(() -> accountOf(account.workerId()));
        }
        UserResource user = existing.orElseThrow(() -> ConnectorException.transientFailure("SCIM user " + account.workerId() + " vanished", null));
        return put(user, toUser(account, user.getId()));
    }

    @Override
    public boolean referencesManagerAccount() {
        return managerReference;
    }

    @Override
    public TargetAnswer updateAccount(AccountSpec account) {
        return accountOf(account.workerId())
                .map(user -> put(user, toUser(account, user.getId()).setActive(user.getActive())))
                .orElseGet(TargetAnswer::noAccount);
    }

    @Override
    public TargetAnswer disableAccount(String workerId) {
        return accountOf(workerId).map(user -> http.send(HttpMethod.PATCH, "/Users/" + user.getId(),
                        new PatchRequest(PatchOperation.replace(Path.root().attribute("active"), false)), USER, status -> status == 404)
                        .map(ScimConnector::answerOf).orElseGet(TargetAnswer::noAccount))
                .orElseGet(TargetAnswer::noAccount);
    }

    @Override
    public TargetAnswer deleteAccount(String workerId) {
        accountOf(workerId).ifPresent(user -> http.send(HttpMethod.DELETE, "/Users/" + user.getId(), null, null, status -> status == 404));
        return TargetAnswer.noAccount();
    }

    @Override
    public TargetAnswer addEntitlement(String workerId, String entitlement) {
        UserResource user = accountOf(workerId).orElseThrow(() ->
                ConnectorException.permanentFailure("No SCIM user " + workerId + " to grant " + entitlement + " to", null));
        return TargetAnswer.entitlement(entitlement, groups.add(user.getId(), entitlement));
    }

    @Override
    public TargetAnswer removeEntitlement(String workerId, String entitlement) {
        return accountOf(workerId)
                .map(user -> TargetAnswer.entitlement(entitlement, !groups.remove(user.getId(), entitlement)))
                .orElseGet(TargetAnswer::noAccount);
    }

    @Override
    public Optional<AccountState> readAccount(String workerId) {
        return accountOf(workerId).map(this::stateOf);
    }

    /** Groups first, their members once, then the users page by page. */
    @Override
    public void listAccounts(Consumer<AccountState> each) {
        Map<String, Set<String>> memberships = groups.memberships();
        ScimPages.each(http, "/Users", Map.of(), USERS, user ->
                each.accept(stateOf(user, memberships.getOrDefault(user.getId(), Set.of()))));
    }

    @Override
    public Map<String, List<String>> duplicateGroups() {
        return groups.duplicates();
    }

    @Override
    public Set<String> listedAttributes() {
        return Set.of(AccountSpec.GIVEN_NAME, AccountSpec.FAMILY_NAME, AccountSpec.EMAIL, AccountSpec.DEPARTMENT);
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

    private TargetAnswer put(UserResource existing, UserResource spec) {
        return http.send(HttpMethod.PUT, "/Users/" + existing.getId(), spec, USER, status -> false)
                .map(ScimConnector::answerOf).orElseGet(() -> answerOf(existing));
    }

    private AccountState stateOf(UserResource user) {
        return stateOf(user, new LinkedHashSet<>(groups.entitlementsOf(user.getId())));
    }

    private static AccountState stateOf(UserResource user, Set<String> entitlements) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (user.getName() != null) {
            putIfPresent(attributes, AccountSpec.GIVEN_NAME, user.getName().getGivenName());
            putIfPresent(attributes, AccountSpec.FAMILY_NAME, user.getName().getFamilyName());
        }
        if (user.getEmails() != null) {
            user.getEmails().stream().filter(email -> Boolean.TRUE.equals(email.getPrimary())).findFirst()
                    .or(() -> user.getEmails().stream().findFirst())
                    .ifPresent(email -> putIfPresent(attributes, AccountSpec.EMAIL, email.getValue()));
        }
        EnterpriseUserExtension enterprise = enterpriseOf(user);
        if (enterprise != null) {
            putIfPresent(attributes, AccountSpec.DEPARTMENT, enterprise.getDepartment());
        }
        return new AccountState(ownerOf(user), user.getUserName(), !Boolean.TRUE.equals(user.getActive()), entitlements, attributes);
    }

    private static void putIfPresent(Map<String, String> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }

    private static EnterpriseUserExtension enterpriseOf(UserResource user) {
        try {
            return user.getExtension(EnterpriseUserExtension.class);
        } catch (IllegalArgumentException e) {
            return null; // an extension the SDK cannot read as the enterprise schema
        }
    }

    /** The worker's own user; a user the filter matched that names another worker is refused. */
    private Optional<UserResource> accountOf(String workerId) {
        List<UserResource> matched = usersNamed(workerId);
        Optional<UserResource> own = matched.stream().filter(user -> workerId.equals(ownerOf(user))).findFirst();
        if (own.isEmpty() && !matched.isEmpty()) {
            UserResource other = matched.get(0);
            throw ConnectorException.ownedByOtherWorker("SCIM user " + other.getId() + " (" + other.getUserName() + ")", workerId, ownerOf(other));
        }
        return own;
    }

    private List<UserResource> usersNamed(String workerId) {
        return http.get("/Users", Map.of("filter", eq("userName", workerId).toString()), USERS).map(ListResponse::getResources).orElse(List.of());
    }

    private static String ownerOf(UserResource user) {
        if (user.getExternalId() != null && !user.getExternalId().isBlank()) {
            return user.getExternalId();
        }
        EnterpriseUserExtension enterprise = enterpriseOf(user);
        if (enterprise != null && enterprise.getEmployeeNumber() != null && !enterprise.getEmployeeNumber().isBlank()) {
            return enterprise.getEmployeeNumber();
        }
        return user.getUserName();
    }

    private static TargetAnswer answerOf(UserResource user) {
        return TargetAnswer.account(!Boolean.TRUE.equals(user.getActive()));
    }

    /**
     * The manager as RFC 7643 §4.3 defines it: the SCIM id of the manager's User in this target, with its location.
     * Left out while the manager has no user here; the caller updates the account again once the manager's exists.
     */
    private Optional<Manager> managerOf(AccountSpec account) {
        if (!managerReference || account.managerId() == null) {
            return Optional.empty();
        }
        return usersNamed(account.managerId()).stream().filter(user -> account.managerId().equals(ownerOf(user))).findFirst()
                .map(user -> new Manager().setValue(user.getId()).setRef(user.getMeta() == null ? null : user.getMeta().getLocation()));
    }

    private UserResource toUser(AccountSpec account, String id) {
        UserResource user = new UserResource().setUserName(account.workerId()).setActive(true)
                .setDisplayName(account.displayName().isBlank() ? account.workerId() : account.displayName().trim())
                .setName(new Name().setGivenName(account.givenName()).setFamilyName(account.familyName()));
        if (account.email() != null) {
            user.setEmails(List.of(new Email().setValue(account.email()).setType("work").setPrimary(true)));
        }
        EnterpriseUserExtension enterprise = new EnterpriseUserExtension().setEmployeeNumber(account.workerId()).setDepartment(account.department());
        managerOf(account).ifPresent(enterprise::setManager);
        user.setExtension(enterprise);
        user.setExternalId(account.workerId());
        user.setId(id);
        return user;
    }

    /** A SCIM equality filter; the SDK quotes and escapes the value. */
    static Filter eq(String attribute, String value) {
        try {
            return Filter.eq(attribute, value);
        } catch (ScimException e) {
            throw new IllegalArgumentException("Bad SCIM attribute path " + attribute, e);
        }
    }

    static Filter and(Filter left, Filter right) {
        return Filter.and(left, right);
    }
}
