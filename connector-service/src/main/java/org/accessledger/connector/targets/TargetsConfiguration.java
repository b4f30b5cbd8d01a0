package org.accessledger.connector.targets;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.accessledger.platform.AccessLedgerProperties;
import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Opens the configured targets, or the embedded demo directory when none is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TargetsProperties.class)
public class TargetsConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(NoTargetsConfigured.class)
    public DemoDirectory demoDirectory(AccessLedgerProperties platform) {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        return new DemoDirectory(platform.dataDir(), Base64.getUrlEncoder().encodeToString(secret));
    }

    @Bean(destroyMethod = "close")
    public Targets targets(TargetsProperties properties, Optional<DemoDirectory> demoDirectory, MongoDatabase database, Clock clock) {
        MongoCollection<Document> groupIds = database.getCollection("target_group_ids");
        return new Targets(demoDirectory.map(demo -> Map.of(DemoDirectory.NAME, demo.settings())).orElse(properties.targets()),
                target -> new SharedGroupIds(groupIds, target, clock));
    }

    static class NoTargetsConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !Binder.get(context.getEnvironment()).bind("accessledger.targets", Bindable.mapOf(String.class, Object.class)).isBound();
        }
    }
}
