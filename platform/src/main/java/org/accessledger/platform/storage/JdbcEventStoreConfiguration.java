package org.accessledger.platform.storage;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.GenericDeadLetterTableFactory;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenTableFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.AutoConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Axon's JDBC event store, token store and dead-letter queue on the configured DataSource (H2 file in the embedded default,
 * PostgreSQL when scaled out): tables created when missing, duplicates reported as Axon concurrency errors.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(TokenStoreProperties.class)
public class JdbcEventStoreConfiguration {

    /** Axon ships no PostgreSQL dead-letter table factory; its generic one uses BLOB, which PostgreSQL lacks. */
    private static final GenericDeadLetterTableFactory POSTGRES_DEAD_LETTERS = new GenericDeadLetterTableFactory() {
        @Override
        protected String serializedDataType() {
            return "BYTEA";
        }
    };

    /** Axon's own engine, but reading a token's gaps from the primary key (see {@link TrackedEventsWithGaps}). */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .readEventDataWithGaps(new TrackedEventsWithGaps())
                .build();
    }

    /** Axon's JDBC token store as its auto-configuration builds it, storing a token only after the read models. */
    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                 TokenStoreProperties properties, ReadModelDurability readModels) {
        JdbcTokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .build();
        return new ReadModelsFirstTokenStore(tokens, readModels);
    }

    /** See {@link CommandsDurableOnH2}; PostgreSQL's commits and Axon Server's appends are durable by themselves. */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
    public CommandsDurableOnH2 commandsDurableOnH2(DataSource dataSource, CommandBus commandBus) throws SQLException {
        CommandsDurableOnH2 durable = CommandsDurableOnH2.on(dataSource);
        commandBus.registerHandlerInterceptor(durable);
        return durable;
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver(DataSource dataSource) throws SQLException {
        return new SQLErrorCodesResolver(dataSource);
    }

    /** Runs after every bean exists and before Axon's processors start reading. */
    @Bean
    public SmartInitializingSingleton axonJdbcSchema(DataSource dataSource,
                                                     ObjectProvider<EventStorageEngine> engines,
                                                     ObjectProvider<TokenStore> tokenStores,
                                                     ObjectProvider<ConnectionProvider> connections,
                                                     ObjectProvider<TransactionManager> transactions,
                                                     ObjectProvider<DeadLetterSchema> deadLetterSchema,
                                                     ObjectProvider<Serializer> serializer) {
        return () -> {
            boolean postgres = isPostgres(dataSource);
            if (engines.getIfAvailable() instanceof JdbcEventStorageEngine engine) {
                EventTableFactory tables = postgres ? PostgresEventTableFactory.INSTANCE : H2EventTableFactory.INSTANCE;
                engine.createSchema(tables);
            }
            TokenStore tokens = tokenStores.getIfAvailable();
            if (tokens instanceof ReadModelsFirstTokenStore readModelsFirst) {
                tokens = readModelsFirst.delegate();
            }
            if (tokens instanceof JdbcTokenStore tokenStore) {
                TokenTableFactory tables = postgres ? PostgresTokenTableFactory.INSTANCE : GenericTokenTableFactory.INSTANCE;
                tokenStore.createSchema(tables);
            }
            DeadLetterSchema letters = deadLetterSchema.getIfAvailable();
            if (letters != null && !tableExists(dataSource, letters.deadLetterTable())) {
                // Axon's dead-letter DDL also creates indexes without IF NOT EXISTS: run it only on a new database.
                JdbcSequencedDeadLetterQueue.builder().processingGroup("schema").connectionProvider(connections.getObject())
                        .transactionManager(transactions.getObject()).schema(letters).genericSerializer(serializer.getObject())
                        .eventSerializer(serializer.getObject()).build()
                        .createSchema(postgres ? POSTGRES_DEAD_LETTERS : new GenericDeadLetterTableFactory());
            }
        };
    }

    private static boolean tableExists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection();
             ResultSet upper = connection.getMetaData().getTables(null, null, table.toUpperCase(java.util.Locale.ROOT), null);
             ResultSet lower = connection.getMetaData().getTables(null, null, table.toLowerCase(java.util.Locale.ROOT), null)) {
            return upper.next() || lower.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the event store database", e);
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the event store database", e);
        }
    }
}
