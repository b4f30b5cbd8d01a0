package org.accessledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.accessledger.platform.AccessLedgerProperties;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * HTTP Basic on every endpoint except health and the Prometheus scrape, and OAuth2 bearer tokens beside it once a
 * trusted issuer is configured. HR adapters post HR events, auditors read, admins do both and administer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BearerTokenProperties.class)
public class SecurityConfiguration {

    private static final String HR = Role.HR_ADAPTER.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper, BearerTokenProperties bearer) throws Exception {
        ProblemResponses problems = new ProblemResponses(objectMapper, bearer.enabled());
        if (bearer.enabled()) {
            http.oauth2ResourceServer(tokens -> tokens
                    .authenticationManagerResolver(new BearerTokens(bearer).authenticationManagers())
                    .authenticationEntryPoint(problems.unauthenticated())
                    .accessDeniedHandler(problems.forbidden()));
        }
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/error").permitAll()
                        // The API's description holds no data: a newcomer and a client generator read it without an account.
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/hr-events", "/scim/v2/bulkUpload").hasAnyRole(HR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/workers").hasAnyRole(HR, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/audit/checkpoints", "/api/v1/audit/verifications").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers("/api/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        // BCrypt at its default strength; a password verified once is not checked again for five minutes (see VerifiedPasswords).
        return new VerifiedPasswords(new BCryptPasswordEncoder(), Duration.ofMinutes(5), Ticker.systemTicker());
    }

    @Bean
    public UserDetailsService builtInUsers(Environment environment, AccessLedgerProperties properties, PasswordEncoder encoder) {
        Map<String, String> passwords = BuiltInUsers.passwords(environment, properties.dataDir());
        List<UserDetails> users = BuiltInUsers.USERS.stream()
                .map(user -> User.withUsername(user.name())
                        .password(encoder.encode(passwords.get(user.name())))
                        .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                        .build())
                .map(UserDetails.class::cast)
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
