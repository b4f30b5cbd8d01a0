package org.accessledger.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens from the trusted issuers: each issuer's tokens verified with its own published keys (signature, expiry,
 * issuer, audience), and the caller's roles read from the roles claim, {@code scp}/{@code scope} and the groups
 * claim, merged.
 */
final class BearerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private final BearerTokenProperties properties;

    BearerTokens(BearerTokenProperties properties) {
        this.properties = properties;
    }

    /** Picks the issuer's verifier by the token's {@code iss}; a token of any other issuer is refused. */
    AuthenticationManagerResolver<HttpServletRequest> authenticationManagers() {
        Map<String, AuthenticationManager> managers = new HashMap<>();
        for (BearerTokenProperties.Issuer issuer : properties.issuers()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri().toString()).build();
            decoder.setJwtValidator(validator(issuer.issuer()));
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
            provider.setJwtAuthenticationConverter(this);
            managers.put(issuer.issuer(), provider::authenticate);
        }
        return new JwtIssuerAuthenticationManagerResolver(managers::get);
    }

    private OAuth2TokenValidator<Jwt> validator(String issuer) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                audiences -> audiences != null && audiences.stream().anyMatch(properties.audiences()::contains));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audience);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<String> values = new LinkedHashSet<>(values(jwt, properties.rolesClaim()));
        values.addAll(values(jwt, "scp"));
        values.addAll(values(jwt, "scope"));
        if (properties.groupsClaim() != null && !properties.groupsClaim().isBlank()) {
            values.addAll(values(jwt, properties.groupsClaim()));
        }
        List<SimpleGrantedAuthority> authorities = values.stream().map(this::roleOf).filter(java.util.Objects::nonNull).distinct()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        Object principal = claim(jwt, properties.principalClaim());
        return new JwtAuthenticationToken(jwt, authorities, principal == null ? jwt.getSubject() : principal.toString());
    }

    private Role roleOf(String value) {
        Role mapped = properties.roleMapping().get(value);
        if (mapped != null) {
            return mapped;
        }
        return Arrays.stream(Role.values()).filter(role -> role.name().equals(value)).findFirst().orElse(null);
    }

    /** A claim's values: a list, or a space-separated string (as {@code scope} is). */
    private static Collection<String> values(Jwt jwt, String path) {
        Object value = claim(jwt, path);
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value instanceof String text ? List.of(text.trim().split("\\s+")) : List.of();
    }

    private static Object claim(Jwt jwt, String path) {
        Object value = jwt.getClaims();
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }
}
