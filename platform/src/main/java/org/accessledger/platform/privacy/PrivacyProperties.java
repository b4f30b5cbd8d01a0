package org.accessledger.platform.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Personal data at rest and its erasure ({@code accessledger.privacy.*}).
 *
 * @param enabled   encrypt personal data with per-worker keys (events, dead letters, read models) so it can be erased;
 *                  every service reading the events needs the same {@code key-dir} and {@code master-key}
 * @param masterKey base64 of 32 bytes wrapping the worker keys; empty: generated at first start into
 *                  {@code <data-dir>/privacy-master-key}, readable only by its owner
 * @param keyDir    where the per-worker keys live, one file each; empty: {@code <data-dir>/personal-data-keys}
 * @param retention how long after a termination the worker's personal data must be kept before it may be erased
 */
@ConfigurationProperties("accessledger.privacy")
public record PrivacyProperties(@DefaultValue("false") boolean enabled,
                                @DefaultValue("") String masterKey,
                                @DefaultValue("") String keyDir,
                                @DefaultValue("P30D") Duration retention) {
}
