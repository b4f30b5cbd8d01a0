package org.accessledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * OAuth2 bearer tokens ({@code accessledger.security.bearer}), accepted beside HTTP Basic once an issuer is given.
 * Claim names may be paths into nested claims ({@code realm_access.roles}).
 *
 * @param issuers       the trusted issuers: the {@code iss} value and where its signing keys are published
 * @param audiences     a token must name one of these in {@code aud}
 * @param principalClaim the claim naming the caller (in the history, as who published a policy or decided an approval)
 * @param rolesClaim    the claim with the caller's roles (Entra app roles: {@code roles})
 * @param groupsClaim   a claim with groups, mapped like roles; none if blank
 * @param roleMapping   claim value → role; a value that is a role's name maps to it without an entry
 */
@ConfigurationProperties("accessledger.security.bearer")
public record BearerTokenProperties(@DefaultValue List<Issuer> issuers,
                                    @DefaultValue List<String> audiences,
                                    @DefaultValue("sub") String principalClaim,
                                    @DefaultValue("roles") String rolesClaim,
                                    String groupsClaim,
                                    @DefaultValue Map<String, Role> roleMapping) {

    public record Issuer(String issuer, URI jwkSetUri) {

        public Issuer {
            if (issuer == null || issuer.isBlank() || jwkSetUri == null) {
                throw new IllegalArgumentException("accessledger.security.bearer.issuers[*] needs both issuer and jwk-set-uri");
            }
        }
    }

    public BearerTokenProperties {
        if (!issuers.isEmpty() && audiences.isEmpty()) {
            throw new IllegalArgumentException("accessledger.security.bearer.audiences must name the audience tokens are issued for");
        }
    }

    boolean enabled() {
        return !issuers.isEmpty();
    }
}
