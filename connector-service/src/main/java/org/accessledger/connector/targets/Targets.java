package org.accessledger.connector.targets;

import org.accessledger.connector.ldap.LdapConnector;
import org.accessledger.connector.scim.ScimConnector;
import org.accessledger.connector.spi.Connector;
import org.accessledger.connector.spi.GroupIds;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The configured targets with their open connectors, by name. */
public final class Targets implements AutoCloseable {

    private final Map<String, Target> targets = new LinkedHashMap<>();

    /** {@code groupIds}: where each target's group ids are remembered, by target name. */
    public Targets(Map<String, TargetSettings> settings, Function<String, GroupIds> groupIds) {
        settings.forEach((name, target) -> targets.put(name, new Target(name, target, connect(name, target, groupIds.apply(name)))));
    }

    public Collection<Target> all() {
        return targets.values();
    }

    public Optional<Target> named(String name) {
        return Optional.ofNullable(targets.get(name));
    }

    @Override
    public void close() {
        targets.values().forEach(target -> target.connector().close());
    }

    private static void required(String name, String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("accessledger.targets." + name + "." + key + " is required");
        }
    }

    private static Connector connect(String name, TargetSettings settings, GroupIds groupIds) {
        if (settings.type() == null) {
            throw new IllegalArgumentException("accessledger.targets." + name + ".type must be ldap or scim");
        }
        if (settings.concurrency() < 1) {
            throw new IllegalArgumentException("accessledger.targets." + name + ".concurrency must be at least 1, not " + settings.concurrency());
        }
        if (settings.type() == TargetSettings.Type.LDAP) {
            required(name, "url", settings.url());
            required(name, "people-base", settings.peopleBase());
            required(name, "group-dn-template", settings.groupDnTemplate());
        } else {
            required(name, "base-url", settings.baseUrl());
        }
        return switch (settings.type()) {
            case LDAP -> new LdapConnector(name, settings.ldap(), settings.concurrency());
            case SCIM -> new ScimConnector(name, settings.scim(), groupIds);
        };
    }
}
