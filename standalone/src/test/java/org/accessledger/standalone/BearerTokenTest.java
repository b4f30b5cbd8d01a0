package org.accessledger.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.accessledger.standalone.HrEvents.hire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth2 bearer tokens beside HTTP Basic, against a JWKS served on loopback: a valid token acts with the roles its
 * claims map to, and every token that is not valid for this service is refused with 401 problem+json.
 */
class BearerTokenTest {

    static final String ISSUER = "https://login.example.test/tenant/v2.0";
    static final String AUDIENCE = "api://accessledger";
    @TempDir
    static Path dataDir;
    static HttpServer jwks;
    static RSAKey key;
    static RSAKey unknownKey;
    static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        unknownKey = new RSAKeyGenerator(2048).keyID("k2").generate();
        byte[] published = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/keys", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, published.length);
            exchange.getResponseBody().write(published);
            exchange.close();
        });
        jwks.start();
        String bearer = "--accessledger.security.bearer.";
        app = RunningApp.start(dataDir, new MutableClock(Instant.parse("2026-11-21T10:00:00Z")),
                bearer + "issuers[0].issuer=" + ISSUER,
                bearer + "issuers[0].jwk-set-uri=http://127.0.0.1:" + jwks.getAddress().getPort() + "/keys",
                bearer + "audiences[0]=" + AUDIENCE,
                bearer + "principal-claim=preferred_username",
                bearer + "groups-claim=realm_access.roles",
                bearer + "role-mapping[AccessLedger.Audit]=AUDITOR");
    }

    @AfterAll
    static void stop() {
        app.close();
        jwks.stop(0);
    }

    static String token(Consumer<JWTClaimsSet.Builder> claims) throws JOSEException {
        return token(key, claims);
    }

    static String token(RSAKey signingKey, Consumer<JWTClaimsSet.Builder> claims) throws JOSEException {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("3f2b-service-principal")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).issueTime(Date.from(Instant.now()));
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), builder.build());
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    static RunningApp.Response get(String path, String token) {
        return app.withAuthorization("GET", path, "Bearer " + token, "application/json", "");
    }

    @Test
    void anHrAdapterTokenWithTheAppRoleSendsHrEvents() throws Exception {
        String token = token(claims -> claims.claim("roles", List.of("HR_ADAPTER")));

        RunningApp.Response sent = app.withAuthorization("POST", "/api/v1/hr-events", "Bearer " + token, "application/json",
                hire("bt-1", "BT100", "2026-11-02", "bt100@example.com"));

        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
        assertThat(sent.body().at("/results/0/outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(get("/api/v1/targets", token).status()).as("an HR adapter does not read").isEqualTo(403);
    }

    @Test
    void aScopeMappedToARoleReads() throws Exception {
        RunningApp.Response targets = get("/api/v1/targets", token(claims -> claims.claim("scp", "openid AccessLedger.Audit")));

        assertThat(targets.status()).as(targets.body().toString()).isEqualTo(200);
    }

    @Test
    void aGroupsClaimGivesTheAdminRoleAndThePrincipalClaimNamesWhoActed() throws Exception {
        String token = token(claims -> claims.claim("preferred_username", "grace@example.test")
                .claim("realm_access", Map.of("roles", List.of("ADMIN", "offline_access"))));
        String policy = app.getText("/api/v1/policy", "application/yaml") + "\n# republished with a bearer token\n";

        RunningApp.Response published = app.withAuthorization("PUT", "/api/v1/policy", "Bearer " + token, "application/yaml", policy);

        assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
        assertThat(get("/api/v1/policy", token).body().get("publishedBy").asText()).isEqualTo("grace@example.test");
    }

    @Test
    void aValidTokenWithoutARoleIsForbidden() throws Exception {
        RunningApp.Response refused = get("/api/v1/targets", token(claims -> claims.claim("roles", List.of("Reader.Unknown"))));

        BadInputTest.assertProblem(refused, 403, "FORBIDDEN");
    }

    @Test
    void everyTokenNotValidForThisServiceIsRefusedWith401() throws Exception {
        Map<String, String> invalid = Map.of(
                "expired", token(claims -> claims.claim("roles", List.of("AUDITOR")).expirationTime(Date.from(Instant.now().minusSeconds(3600)))),
                "wrong audience", token(claims -> claims.claim("roles", List.of("AUDITOR")).audience("api://someone-else")),
                "wrong issuer", token(claims -> claims.claim("roles", List.of("AUDITOR")).issuer("https://evil.example.test")),
                "alg none", new PlainJWT(new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).claim("roles", List.of("AUDITOR"))
                        .expirationTime(Date.from(Instant.now().plusSeconds(600))).build()).serialize(),
                "unknown kid", token(unknownKey, claims -> claims.claim("roles", List.of("AUDITOR"))),
                "tampered", tampered(token(claims -> claims.claim("roles", List.of("HR_ADAPTER")))),
                "not a token", "not.a.jwt");
        invalid.forEach((why, token) -> {
            RunningApp.Response refused = get("/api/v1/targets", token);
            assertThat(refused.status()).as(why + ": " + refused.body()).isEqualTo(401);
            assertThat(refused.contentType()).as(why).startsWith("application/problem+json");
            assertThat(refused.body().get("code").asText()).as(why).isEqualTo("UNAUTHENTICATED");
        });
    }

    @Test
    void httpBasicStaysBesideTheTokens() {
        assertThat(app.asAuditor("/api/v1/targets").status()).isEqualTo(200);
        assertThat(app.withAuthorization("GET", "/api/v1/targets", null, "application/json", "").status()).isEqualTo(401);
    }

    /** The payload changed to claim the ADMIN role, the signature kept. */
    static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("HR_ADAPTER", "ADMIN");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
