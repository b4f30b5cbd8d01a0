package org.accessledger.connector.targets;

import org.accessledger.connector.spi.LocalGroupIds;
import org.accessledger.connector.ldap.LdapSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Targets as an operator writes them in YAML, secrets from environment variables. */
class TargetsPropertiesTest {

    static final String YAML = """
            accessledger:
              targets:
                corp-ldap:
                  type: ldap
                  url: ldap://127.0.0.1:3389
                  bind-dn: cn=admin,dc=example,dc=org
                  bind-password: ${CORP_LDAP_PASSWORD}
                  people-base: ou=people,dc=example,dc=org
                  group-dn-template: cn={application}-{entitlement},ou=groups,dc=example,dc=org
                  groups: { "[vpn:user]": "cn=vpn-users,ou=groups,dc=example,dc=org" }
                  disable: move-to-ou
                  disabled-base: ou=disabled,dc=example,dc=org
                  retry: { max-attempts: 8, max-backoff: 10s }
                  concurrency: 2
                saas-scim:
                  type: scim
                  base-url: http://127.0.0.1:8880/scim/v2
                  token: ${SAAS_SCIM_TOKEN}
                  entitlements: ["crm:*", "chat:member"]
            """;

    /** The YAML above, each override ({@code key=value}) taking precedence as a command-line argument would. */
    static TargetsProperties bind(String... overrides) throws IOException {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("CORP_LDAP_PASSWORD", "from-env").withProperty("SAAS_SCIM_TOKEN", "token-from-env");
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("targets", new ByteArrayResource(YAML.getBytes(StandardCharsets.UTF_8)))) {
            environment.getPropertySources().addFirst(source);
        }
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(
                Arrays.stream(overrides).map(override -> "--" + override).toArray(String[]::new)));
        return Binder.get(environment).bind("accessledger", TargetsProperties.class).get();
    }

    @Test
    void ldapTargetBindsWithItsSecretFromTheEnvironment() throws IOException {
        TargetSettings ldap = bind().targets().get("corp-ldap");

        assertThat(ldap.type()).isEqualTo(TargetSettings.Type.LDAP);
        assertThat(ldap.bindPassword()).isEqualTo("from-env");
        assertThat(ldap.groups()).containsEntry("vpn:user", "cn=vpn-users,ou=groups,dc=example,dc=org");
        assertThat(ldap.disable()).isEqualTo(LdapSettings.DisableMode.MOVE_TO_OU);
        assertThat(ldap.entitlements()).containsExactly("*");
        assertThat(ldap.retry()).isEqualTo(new TargetSettings.Retry(8, Duration.ofMillis(200), Duration.ofSeconds(10)));
        assertThat(ldap.emptyGroupMember()).isEqualTo("cn=nobody");
        assertThat(ldap.concurrency()).isEqualTo(2);
    }

    @Test
    void scimTargetCarriesOnlyItsEntitlements() throws IOException {
        TargetSettings scim = bind().targets().get("saas-scim");

        assertThat(scim.token()).isEqualTo("token-from-env");
        assertThat(scim.entitlements()).isEqualTo(List.of("crm:*", "chat:member"));
        assertThat(scim.carries("crm:sales-rep")).isTrue();
        assertThat(scim.carries("chat:member")).isTrue();
        assertThat(scim.carries("chat:admin")).isFalse();
        assertThat(scim.carries("crmx:user")).isFalse();
        assertThat(scim.retry()).isEqualTo(TargetSettings.Retry.DEFAULT);
        assertThat(scim.concurrency()).isEqualTo(TargetSettings.DEFAULT_CONCURRENCY);
    }

    @Test
    void concurrencyBelowOneIsRefusedNamingTheSetting() throws IOException {
        TargetsProperties none = bind("accessledger.targets.corp-ldap.concurrency=0");

        assertThatThrownBy(() -> new Targets(none.targets(), target -> new LocalGroupIds()))
                .hasMessage("accessledger.targets.corp-ldap.concurrency must be at least 1, not 0");
    }
}
