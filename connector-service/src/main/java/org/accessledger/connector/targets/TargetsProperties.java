package org.accessledger.connector.targets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/** The provisioning targets, by name; none configured means the embedded demo directory. */
@ConfigurationProperties("accessledger")
public record TargetsProperties(@DefaultValue Map<String, TargetSettings> targets) {
}
