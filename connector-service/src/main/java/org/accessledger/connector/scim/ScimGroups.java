package org.accessledger.connector.scim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.utils.JsonUtils;
import org.accessledger.connector.spi.ConnectorException;
import org.accessledger.connector.spi.EntitlementTemplate;
import org.accessledger.connector.spi.GroupIds;
import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SCIM Groups that stand for entitlements. A group is looked up by {@code externalId} (the entitlement id), then
 * by {@code displayName}, and created only when neither finds one, once per entitlement however many threads and
 * instances grant it at the same moment ({@link GroupIds#resolveOnce}); its id is remembered, so later grants and
 * revocations go straight to it. Servers that allow two groups with one displayName may already hold duplicates:
 * grants go to the first found, revocations leave every one.
 */
final class ScimGroups {

    private static final TypeReference<ListResponse<GroupResource>> GROUPS = new TypeReference<>() {
    };
    private static final TypeReference<GroupResource> GROUP = new TypeReference<>() {
    };

    private final ScimHttp http;
    private final GroupIds ids;
    private final Map<String, String> names;
    private final Map<String, String> entitlementsByName;
    private final EntitlementTemplate template;

    ScimGroups(ScimHttp http, GroupIds ids, String nameTemplate, Map<String, String> names) {
        this.http = http;
        this.ids = ids;
        this.names = names;
        this.template = new EntitlementTemplate(nameTemplate);
        this.entitlementsByName = names.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    }

    /** Adds the user to the entitlement's group; true when the server's answer shows the user a member. */
    boolean add(String userId, String entitlement) {
        for (int attempt = 0; ; attempt++) {
            String group = ids.resolveOnce(entitlement, () -> findOrCreate(entitlement)).get(0);
            if (isMember(group, userId)) {
                return true;
            }
            Member member = new Member().setValue(userId);
            PatchRequest patch = new PatchRequest(PatchOperation.add(Path.root().attribute("members"), JsonUtils.valueToNode(List.of(member))));
            Optional<GroupResource> answer = http.send(HttpMethod.PATCH, "/Groups/" + group, patch, GROUP, status -> status == 404);
            if (answer.isEmpty() && attempt == 0 && !exists(group)) {
                ids.forget(entitlement); // deleted in the target since it was remembered: find or create it again
                continue;
            }
            return answer.map(resource -> holds(resource, userId)).orElseGet(() -> isMember(group, userId));
        }
    }

    /** Removes the user from every group of the entitlement; true when the server's answers show the user in none. */
    boolean remove(String userId, String entitlement) {
        List<String> groups = ids.of(entitlement);
        if (groups.isEmpty()) {
            List<String> found = find(entitlement);
            if (found.isEmpty()) {
                return true;
            }
            groups = ids.resolveOnce(entitlement, () -> found);
        }
        boolean inNone = true;
        for (String group : groups) {
            PatchRequest patch = new PatchRequest(PatchOperation.remove(Path.root().attribute("members", ScimConnector.eq("value", userId))));
            Optional<GroupResource> answer = http.send(HttpMethod.PATCH, "/Groups/" + group, patch, GROUP, status -> status == 404);
            inNone &= !answer.map(resource -> holds(resource, userId)).orElseGet(() -> isMember(group, userId));
        }
        return inNone;
    }

    /** The entitlements of the groups the user is a member of, duplicates and groups made by hand included. */
    List<String> entitlementsOf(String userId) {
        return http.get("/Groups", Map.of("filter", ScimConnector.eq("members.value", userId).toString(), "attributes", "id,displayName,externalId"), GROUPS)
                .map(ListResponse::getResources).orElse(List.of()).stream()
                .map(this::entitlementOf).flatMap(Optional::stream).distinct().toList();
    }

    /** Every managed group's members, read once: user id to the entitlements its groups stand for. */
    Map<String, Set<String>> memberships() {
        Map<String, Set<String>> memberships = new HashMap<>();
        ScimPages.each(http, "/Groups", Map.of("attributes", "id,displayName,externalId,members"), GROUPS, group ->
                entitlementOf(group).ifPresent(entitlement -> {
                    if (group.getMembers() != null) {
                        group.getMembers().forEach(member -> memberships.computeIfAbsent(member.getValue(), id -> new HashSet<>()).add(entitlement));
                    }
                }));
        return memberships;
    }

    /** Entitlements with more than one group, each with its groups' ids. */
    Map<String, List<String>> duplicates() {
        Map<String, List<String>> byEntitlement = new java.util.TreeMap<>();
        ScimPages.each(http, "/Groups", Map.of("attributes", "id,displayName,externalId"), GROUPS, group ->
                entitlementOf(group).ifPresent(entitlement -> byEntitlement.computeIfAbsent(entitlement, e -> new ArrayList<>()).add(group.getId())));
        byEntitlement.values().removeIf(ids -> ids.size() < 2);
        return byEntitlement;
    }

    private List<String> findOrCreate(String entitlement) {
        List<String> found = find(entitlement);
        if (!found.isEmpty()) {
            return found;
        }
        GroupResource group = new GroupResource().setDisplayName(nameOf(entitlement));
        group.setExternalId(entitlement);
        return http.send(HttpMethod.POST, "/Groups", group, GROUP, status -> status == 409)
                .map(created -> List.of(created.getId()))
                .or(() -> Optional.of(find(entitlement)).filter(ids -> !ids.isEmpty()))
                .orElseThrow(() -> ConnectorException.transientFailure("SCIM group " + nameOf(entitlement) + " was refused as taken but cannot be found", null));
    }

    /** Groups marked with the entitlement first, then those of its name; each once. */
    private List<String> find(String entitlement) {
        Map<String, GroupResource> found = new LinkedHashMap<>();
        for (var filter : List.of(ScimConnector.eq("externalId", entitlement), ScimConnector.eq("displayName", nameOf(entitlement)))) {
            http.get("/Groups", Map.of("filter", filter.toString(), "attributes", "id,displayName,externalId"), GROUPS)
                    .map(ListResponse::getResources).orElse(List.of())
                    .stream().filter(group -> entitlementOf(group).filter(entitlement::equals).isPresent())
                    .forEach(group -> found.putIfAbsent(group.getId(), group));
        }
        return new ArrayList<>(found.keySet());
    }

    private boolean isMember(String group, String userId) {
        var filter = ScimConnector.and(ScimConnector.eq("id", group), ScimConnector.eq("members.value", userId));
        return http.get("/Groups", Map.of("filter", filter.toString(), "attributes", "id"), GROUPS)
                .map(list -> !list.getResources().isEmpty()).orElse(false);
    }

    private boolean exists(String group) {
        return http.get("/Groups/" + group, Map.of("attributes", "id"), GROUP).isPresent();
    }

    private static boolean holds(GroupResource group, String userId) {
        return group.getMembers() != null && group.getMembers().stream().anyMatch(member -> userId.equals(member.getValue()));
    }

    private String nameOf(String entitlement) {
        String mapped = names.get(entitlement);
        return mapped != null ? mapped : template.nameOf(entitlement);
    }

    /** Groups AccessLedger creates carry the entitlement id as externalId; others are matched by name. */
    Optional<String> entitlementOf(GroupResource group) {
        if (group.getExternalId() != null && !group.getExternalId().isBlank()) {
            return Optional.of(group.getExternalId());
        }
        String mapped = entitlementsByName.get(group.getDisplayName());
        return mapped != null ? Optional.of(mapped) : template.entitlementOf(group.getDisplayName());
    }
}
