package org.accessledger.entitlement.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.accessledger.platform.storage.H2EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one JDBC event store start together: while the second is about to store the example policy, the
 * first stores it. The second's append then collides, and it still starts, leaving one version 1.
 */
class ExamplePolicyOnFirstStartTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules()).build();

    private final JdbcDataSource h2 = new JdbcDataSource();
    private Configuration first;
    private Configuration second;

    @BeforeEach
    void twoInstancesOnOneEventStore() {
        h2.setURL("jdbc:h2:mem:first-start;DB_CLOSE_DELAY=-1");
        eventStorage().createSchema(H2EventTableFactory.INSTANCE);
        first = instance();
        second = instance();
    }

    @AfterEach
    void stop() throws Exception {
        first.shutdown();
        second.shutdown();
        try (var connection = h2.getConnection()) {
            connection.createStatement().execute("DROP ALL OBJECTS");
        }
    }

    @Test
    void anInstanceThatLosesTheRaceToPublishTheExampleStartsAndLeavesOneVersion() {
        AtomicBoolean collide = new AtomicBoolean(true);
        second.commandBus().registerHandlerInterceptor((unitOfWork, chain) -> {
            if (collide.getAndSet(false)) {
                // After the second has loaded the (missing) policy history, before it appends: the first starts meanwhile.
                unitOfWork.onPrepareCommit(u -> CompletableFuture.runAsync(() -> new ExamplePolicyOnFirstStart(first.commandGateway()).run(null)).join());
            }
            return chain.proceed();
        });

        new ExamplePolicyOnFirstStart(second.commandGateway()).run(null);

        assertThat(collide).isFalse();
        assertThat(first.eventStore().readEvents(PublishPolicy.POLICY_ID).asStream().map(event -> ((PolicyPublished) event.getPayload()).version()))
                .containsExactly(1L);
    }

    private Configuration instance() {
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> SERIALIZER)
                .configureEmbeddedEventStore(c -> eventStorage())
                .configureAggregate(AccessPolicyHistory.class)
                .registerComponent(Clock.class, c -> Clock.systemUTC())
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    private JdbcEventStorageEngine eventStorage() {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(h2::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .persistenceExceptionResolver(duplicateKeys())
                .snapshotSerializer(SERIALIZER)
                .eventSerializer(SERIALIZER)
                .build();
    }

    private SQLErrorCodesResolver duplicateKeys() {
        try {
            return new SQLErrorCodesResolver(h2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
