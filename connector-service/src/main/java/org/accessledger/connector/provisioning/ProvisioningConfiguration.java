package org.accessledger.connector.provisioning;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import com.mongodb.client.MongoDatabase;
import org.accessledger.connector.account.DesiredAccessStore;
import org.accessledger.connector.safeguard.Safeguard;
import org.accessledger.connector.safeguard.SafeguardMetrics;
import org.accessledger.connector.spi.ConnectorException;
import org.accessledger.connector.spi.TestOp;
import org.accessledger.connector.targets.Target;
import org.accessledger.connector.targets.Targets;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.Executors;

/**
 * One pooled streaming processor per target ({@code provisioning-<target>}), each with its own dead-letter queue: a
 * failed worker's sequence is parked while other workers carry on, and its position in the event stream keeps the
 * target's queue across restarts and pauses. The command gateway is looked up lazily: it is built from the very
 * configuration these processors are part of.
 */
@Configuration(proxyBeanMethods = false)
public class ProvisioningConfiguration {

    @Bean
    public TargetOperations targetOperations(Targets targets, ObjectProvider<CommandGateway> commands, MeterRegistry meters, Clock clock) {
        return new TargetOperations(targets, commands::getObject, meters, clock);
    }

    @Bean
    public Safeguard safeguard(MongoDatabase database, ObjectProvider<CommandGateway> commands, Clock clock) {
        return new Safeguard(database, command -> commands.getObject().sendAndWait(command), clock);
    }

    @Bean
    public HeldDeprovisioning heldDeprovisioning(Safeguard safeguard, DesiredAccessStore desired, TargetOperations operations) {
        return new HeldDeprovisioning(safeguard, desired, operations);
    }

    @Bean
    public SafeguardMetrics safeguardMetrics(Targets targets, Safeguard safeguard) {
        return new SafeguardMetrics(targets, safeguard);
    }

    @Bean
    public ConfigurerModule provisioningProcessors(Targets targets, WorkerDirectory directory, ObjectProvider<CommandGateway> commands,
                                                   TargetOperations operations, Safeguard safeguard, DesiredAccessStore desired, Clock clock,
                                                   ObjectProvider<ConnectionProvider> connections,
                                                   ObjectProvider<TransactionManager> transactions,
                                                   ObjectProvider<DeadLetterSchema> deadLetterSchema,
                                                   @Qualifier("eventSerializer") ObjectProvider<Serializer> eventSerializer,
                                                   ObjectProvider<Serializer> serializer) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            for (Target target : targets.all()) {
                String group = target.processingGroup();
                DriftRepairs repairs = new DriftRepairs(target, directory, desired, operations.of(target), safeguard,
                        commands::getObject, clock);
                TargetProvisioner provisioner = new TargetProvisioner(target, directory, operations.of(target), safeguard, repairs);
                processing.registerEventHandler(configuration -> provisioner)
                        .assignHandlerInstancesMatching(group, handler -> handler == provisioner)
                        .registerPooledStreamingEventProcessor(group, org.axonframework.config.Configuration::eventStore,
                                (configuration, builder) -> concurrently(builder, target.settings().concurrency()));
                ConnectionProvider connection = connections.getIfAvailable();
                if (connection != null) {
                    processing.registerDeadLetterPolicy(group, configuration -> TransientFailureRedelivery::enqueue);
                    processing.registerDeadLetterQueue(group, configuration -> JdbcSequencedDeadLetterQueue.builder()
                            .processingGroup(group)
                            .connectionProvider(connection)
                            .transactionManager(transactions.getObject())
                            .schema(deadLetterSchema.getObject())
                            .genericSerializer(serializer.getObject())
                            .eventSerializer(eventSerializer.getObject())
                            .build());
                }
            }
        };
    }

    /**
     * As many segments as worker threads and, for LDAP, pooled connections: the target's {@code concurrency}. Not Axon's
     * default of 16 segments, which made each coordinator walk sixteen full queues for every event it handed out under
     * a backlog. The segment count applies when the target's tokens are first created.
     *
     * <p>A target's tokens start at the head of the event stream: a target added to the configuration later is filled
     * by a reconciliation from the desired state, not by replaying years of history into it.
     */
    private static PooledStreamingEventProcessor.Builder concurrently(PooledStreamingEventProcessor.Builder builder, int concurrency) {
        return builder.initialSegmentCount(concurrency)
                .initialToken(StreamableMessageSource::createHeadToken)
                .workerExecutor(name -> Executors.newScheduledThreadPool(concurrency, new AxonThreadFactory("WorkPackage[" + name + "]")));
    }

    @Bean
    public ProvisioningSegments provisioningSegments(Targets targets, ObjectProvider<EventProcessingConfiguration> processing) {
        return new ProvisioningSegments(targets, group -> processing.getObject().tokenStore(group));
    }

    /** {@code accessledger_target_up{target}}: 1 when the target answers with the configured credentials, tested per scrape. */
    @Bean
    public MeterBinder targetUpGauges(Targets targets) {
        return meters -> targets.all().forEach(target -> Gauge.builder("accessledger.target.up", () -> isUp(target))
                .description("Whether the provisioning target can be reached with its credentials (1) or not (0)")
                .tag("target", target.name())
                .register(meters));
    }

    private static Number isUp(Target target) {
        if (!(target.connector() instanceof TestOp test)) {
            return Double.NaN;
        }
        try {
            test.test();
            return 1;
        } catch (ConnectorException e) {
            return 0;
        }
    }

    /** {@code accessledger_dead_letters{group}}: worker sequences parked per target. */
    @Bean
    public MeterBinder deadLetterGauges(Targets targets, ObjectProvider<EventProcessingConfiguration> processing) {
        return meters -> targets.all().forEach(target -> Gauge.builder("accessledger.dead.letters",
                        () -> processing.getObject().deadLetterQueue(target.processingGroup())
                                .map(queue -> (Number) queue.amountOfSequences()).orElse(0))
                .description("Workers whose provisioning in a target is parked in the dead-letter queue")
                .tag("group", target.processingGroup())
                .register(meters));
    }
}
