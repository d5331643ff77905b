package org.steward.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.steward.platform.security.api.Roles;

/**
 * The REST API under {@code /api}. Resources and providers in the module JARs are discovered by scanning, which was
 * measured to work in the WAR, the uber-jar and the EAR alike; each module's OpenAPI tag comes from its descriptor
 * ({@code META-INF/steward/module.properties}), so nothing here lists the modules.
 */
@ApplicationPath("/api")
@DeclareRoles({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.AUDITOR, Roles.SERVICE})
@OpenAPIDefinition(
        info = @Info(title = "Steward", version = "v1",
                description = "Self-hosted privacy operations (GDPR/CCPA): the register of personal data, consent,"
                        + " data-subject rights, retention and erasure, and sharing. Errors are RFC 9457"
                        + " application/problem+json with a stable type URI.",
                contact = @Contact(name = "Steward"),
                license = @License(name = "Proprietary")),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic"),
                @SecurityRequirement(name = "apiKey")})
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                bearerFormat = "JWT", description = "An OIDC access token (RS256)"),
        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "A Steward user on the embedded default"),
        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                apiKeyName = "X-API-Key", description = "An API key for machine clients")})
public class StewardApplication extends Application {
}
