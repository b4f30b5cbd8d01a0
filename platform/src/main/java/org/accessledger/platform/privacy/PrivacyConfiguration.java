package org.accessledger.platform.privacy;

import org.accessledger.platform.AccessLedgerProperties;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;

/** Personal data sealed with per-worker keys, wherever Axon's event serializer writes events. */
@AutoConfiguration
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyConfiguration {

    static final String KEY_DIR = "personal-data-keys";

    @Bean
    public PersonalDataVault personalDataVault(PrivacyProperties properties, AccessLedgerProperties platform) {
        if (!properties.enabled()) {
            return PersonalDataVault.disabled();
        }
        Path keyDir = properties.keyDir().isBlank() ? platform.dataDir().resolve(KEY_DIR) : Path.of(properties.keyDir());
        return PersonalDataVault.sealing(keyDir, MasterKey.load(properties, platform.dataDir()));
    }

    /** Wraps the serializer Axon's auto-configuration made for events, keeping its settings and stored format. */
    @Bean
    public static BeanPostProcessor personalDataInEventSerializer(ObjectProvider<PersonalDataVault> vault) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if ("eventSerializer".equals(beanName) && bean instanceof Serializer serializer && vault.getObject().enabled()) {
                    return new PersonalDataSerializer(serializer, vault.getObject());
                }
                return bean;
            }
        };
    }
}
