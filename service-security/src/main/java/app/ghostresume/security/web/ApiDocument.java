package app.ghostresume.security.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * What both services' OpenAPI documents (springdoc, at {@code /v3/api-docs}, with Swagger UI at
 * {@code /swagger-ui.html}) say alike: the service, where clients reach it, and its bearer tokens. Both are open
 * without a token ({@link #PATHS}).
 */
public final class ApiDocument {

    /** The document, in JSON and YAML, and Swagger UI with its resources. */
    public static final String[] PATHS = { "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
            "/swagger-ui/**" };

    /** The name of the bearer scheme in the document's components. */
    public static final String BEARER = "bearer";

    private ApiDocument() {
    }

    public static OpenAPI describe(String title, String description, String version, String publicUrl) {
        return new OpenAPI()
                .info(new Info().title(title).description(description).version(version))
                .addServersItem(new Server().url(publicUrl))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from POST /api/sessions on the command service, sent as "
                                + "Authorization: Bearer <token>")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
