package org.accessledger.platform.audit;

import org.accessledger.platform.AccessLedgerProperties;
import org.accessledger.platform.audit.log.AuditLogAppender;
import org.accessledger.platform.audit.log.AuditLogStore;
import org.accessledger.platform.audit.log.CheckpointStore;
import org.accessledger.platform.audit.log.EventTableReader;
import org.accessledger.platform.audit.web.AuditLogController;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The audit log over Axon's JDBC event store (the embedded default and the PostgreSQL profile); with Axon Server the
 * events are not in a table this process can read, and the log is not kept.
 */
@AutoConfiguration(afterName = "org.accessledger.platform.storage.JdbcEventStoreConfiguration")
@ConditionalOnBean(DataSource.class)
@ConditionalOnExpression("${accessledger.audit.enabled:false} and !${axon.axonserver.enabled:true}")
@EnableConfigurationProperties(AuditProperties.class)
@Import(AuditLogController.class)
public class AuditLogConfiguration {

    @Bean
    public AuditLog auditLog(DataSource dataSource, AuditProperties properties, AccessLedgerProperties platform,
                             Clock clock) {
        AuditLogStore leaves = new AuditLogStore(dataSource);
        leaves.createSchema();
        CheckpointStore checkpoints = new CheckpointStore(dataSource);
        checkpoints.createSchema();
        EventTableReader events = new EventTableReader(dataSource, new EventSchema());
        AuditLogAppender appender = new AuditLogAppender(events, leaves, clock, properties.gapTimeout(),
                properties.lateWindow(), properties.batchSize());
        return new AuditLog(appender, events, leaves, checkpoints, AuditSigningKey.load(properties, platform.dataDir()),
                properties, clock);
    }

    /** Also the {@code auditLog} health component. */
    @Bean
    public AuditVerifications auditLogHealthIndicator(AuditLog log, Clock clock, MeterRegistry meters) {
        return new AuditVerifications(log, clock, meters);
    }
}
