package org.accessledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.accessledger.api.error.ErrorCode;
import org.accessledger.platform.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 as problem+json, written before any controller runs. */
final class ProblemResponses {

    private final ObjectMapper objectMapper;
    private final boolean bearerTokens;

    ProblemResponses(ObjectMapper objectMapper, boolean bearerTokens) {
        this.objectMapper = objectMapper;
        this.bearerTokens = bearerTokens;
    }

    /** Says why a bearer token was refused (expired, wrong audience, bad signature) without echoing the token. */
    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.addHeader("WWW-Authenticate", "Basic realm=\"AccessLedger\"");
            if (bearerTokens) {
                response.addHeader("WWW-Authenticate", "Bearer realm=\"AccessLedger\"" + (e instanceof OAuth2AuthenticationException ? ", error=\"invalid_token\"" : ""));
            }
            String detail = e instanceof OAuth2AuthenticationException refused
                    ? "The bearer token was refused: " + refused.getError().getDescription()
                    : bearerTokens ? "Authentication is required: HTTP Basic with an AccessLedger user, or a bearer token of a trusted issuer"
                    : "Authentication is required: HTTP Basic with an AccessLedger user";
            write(response, Problems.of(ErrorCode.UNAUTHENTICATED, detail));
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response,
                Problems.of(ErrorCode.FORBIDDEN, "Your role does not allow " + request.getMethod() + " " + request.getRequestURI()));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
