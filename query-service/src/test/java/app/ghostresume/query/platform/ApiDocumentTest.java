package app.ghostresume.query.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import app.ghostresume.query.support.Api.Download;
import app.ghostresume.query.support.Api.Response;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import app.ghostresume.stack.testing.ApiOperations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document, open without a token, describes exactly the endpoints the controllers serve (each path
 * with each of its methods, no more, no fewer), declares the bearer scheme, and is written to
 * {@code target/openapi/query-service.json} for client generators.
 */
class ApiDocumentTest extends QueryServiceIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void theDocumentIsOpenAndDescribesEveryEndpointTheControllersServe() throws IOException {
        Response document = api().get("/v3/api-docs", null);

        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        JsonNode body = document.body();
        assertThat(body.get("openapi").asString()).startsWith("3.1");
        assertThat(body.get("info").get("title").asString()).isEqualTo("Ghost Résumé query service");
        JsonNode bearer = body.get("components").get("securitySchemes").get("bearer");
        assertThat(bearer.get("type").asString()).isEqualTo("http");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
        assertThat(body.get("security").get(0).has("bearer")).isTrue();
        assertThat(ApiOperations.documented(body)).isEqualTo(ApiOperations.served(mappings));
        assertThat(ApiOperations.parameters(body)).as("the caller comes from the token, not from the request")
                .doesNotContain("seekerId (query)", "operatorId (query)");
        JsonNode stats = body.get("paths").get("/api/me/stats").get("get");
        assertThat(stats.get("responses").get("401").get("content").get("application/problem+json").get("schema")
                .get("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(stats.get("responses").get("503").get("headers").has("Retry-After")).isTrue();
        assertThat(stats.get("parameters").valueStream().map(parameter -> parameter.get("name").asString()))
                .contains("Consistency-Token");
        assertThat(body.get("paths").get("/api/operator/read-models/rebuild").get("post").get("responses")
                .has("403")).isTrue();
        assertThat(body.get("paths").get("/api/me/attempts/{attemptId}").get("get").get("responses").has("404"))
                .isTrue();
        assertThat(body.get("components").get("schemas").get("Problem").get("properties").get("type")
                .get("description").asString()).contains("https://ghostresume.app/problems/not-yet-consistent");
        Path file = Path.of("target", "openapi", "query-service.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, body.toPrettyString());
    }

    @Test
    void swaggerUiIsServedWithoutAToken() {
        Download page = api().download("/swagger-ui/index.html", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
    }
}
