package org.accessledger.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Settings every AccessLedger runnable shares.
 *
 * @param dataDir  where the embedded default keeps its event store, read models and generated credentials
 * @param mongoUri a MongoDB connection string for the read models; empty means the in-process server under
 *                 {@code dataDir}
 * @param maxRequestSize the largest request body accepted; a larger one is refused with 413 before it is read
 */
@ConfigurationProperties("accessledger")
public record AccessLedgerProperties(@DefaultValue("./data") Path dataDir,
                                     @DefaultValue("") String mongoUri,
                                     @DefaultValue("accessledger") String mongoDatabase,
                                     @DefaultValue("4MB") DataSize maxRequestSize) {
}
