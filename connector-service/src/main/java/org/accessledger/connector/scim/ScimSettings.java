package org.accessledger.connector.scim;

import java.util.Map;

/**
 * How a SCIM 2.0 service provider is reached, and which group stands for which entitlement.
 *
 * @param groupNameTemplate group displayName for entitlements not in {@code groups}, with {@code {application}} and
 *                          {@code {entitlement}} placeholders
 * @param managerReference  whether users carry the enterprise {@code manager}, as the manager's SCIM id
 */
public record ScimSettings(String baseUrl, String token, String groupNameTemplate, Map<String, String> groups, boolean managerReference) {
}
