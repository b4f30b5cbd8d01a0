package org.accessledger.connector.spi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target-side name made from an entitlement id ({@code application:entitlement}) by a template with
 * {@code {application}} and {@code {entitlement}} placeholders, e.g. {@code cn={application}-{entitlement},ou=groups}.
 * Reading a name back is best effort: with hyphens in ids a template like {@code {application}-{entitlement}} is
 * ambiguous, so connectors prefer a marker they stored on the group.
 */
public final class EntitlementTemplate {

    private static final String ID_PART = "\\E([a-z0-9][a-z0-9._-]*)\\Q";

    private final String template;
    private final Pattern pattern;

    public EntitlementTemplate(String template) {
        this.template = template;
        this.pattern = Pattern.compile(Pattern.quote(template).replace("{application}", ID_PART).replace("{entitlement}", ID_PART),
                Pattern.CASE_INSENSITIVE);
    }

    public String nameOf(String entitlement) {
        int colon = entitlement.indexOf(':');
        return template.replace("{application}", entitlement.substring(0, colon)).replace("{entitlement}", entitlement.substring(colon + 1));
    }

    public Optional<String> entitlementOf(String name) {
        Matcher matcher = pattern.matcher(name);
        return matcher.matches() ? Optional.of(matcher.group(1) + ":" + matcher.group(2)) : Optional.empty();
    }
}
