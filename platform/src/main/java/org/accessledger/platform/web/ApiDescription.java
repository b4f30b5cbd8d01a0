package org.accessledger.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The product's name, API version and security scheme in {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

    static final String BASIC = "basic";

    @Bean
    public OpenAPI accessLedgerApi() {
        return new OpenAPI()
                .info(new Info().title("AccessLedger").version("v1")
                        .description("HR-driven provisioning: HR events in, access decisions with their reasons, provisioning, reconciliation and audit out."))
                .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Users hr, auditor and admin with the roles HR_ADAPTER, AUDITOR and ADMIN")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
