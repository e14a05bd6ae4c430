package app.ghostresume.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document as the contract its answers are held to: the operation an answer came from must
 * document the answer's status and content type, and a JSON answer must validate against the schema documented
 * for it (OpenAPI 3.1 schemas are JSON Schema 2020-12, the components resolved within the document).
 */
final class ApiContract {

    private final String service;
    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ApiContract(String service, JsonNode document) {
        this.service = service;
        this.document = document;
    }

    static ApiContract of(String service, HttpApi api) {
        Answer document = api.get("/v3/api-docs").send();
        if (document.status() != 200) {
            throw new IllegalStateException(service + " serves no OpenAPI document: " + document);
        }
        return new ApiContract(service, document.body());
    }

    /** What the answer to {@code method path} breaks of the document; empty when it is as documented. */
    List<String> violations(String method, String path, Answer answer) {
        String what = service + " " + method + " " + path + " → " + answer.status();
        Optional<Map.Entry<String, JsonNode>> operation = operation(method, path.replaceFirst("\\?.*$", ""));
        if (operation.isEmpty()) {
            return List.of(what + ": no such operation in the document");
        }
        JsonNode responses = operation.get().getValue().path("responses");
        JsonNode response = responses.has(String.valueOf(answer.status()))
                ? responses.get(String.valueOf(answer.status())) : responses.path("default");
        if (response.isMissingNode()) {
            return List.of(what + ": status not documented (documented: " + responses.propertyNames() + ")");
        }
        JsonNode content = response.path("content");
        String contentType = Optional.ofNullable(answer.header("Content-Type")).orElse("").replaceFirst(";.*$", "");
        if (contentType.isEmpty() || answer.text().isEmpty()) {
            return List.of();
        }
        JsonNode media = content.has(contentType) ? content.get(contentType) : content.path("*/*");
        if (media.isMissingNode()) {
            return List.of(what + ": content type " + contentType + " not documented (documented: "
                    + content.propertyNames() + ")");
        }
        if (!media.has("schema") || !contentType.endsWith("json")) {
            return List.of();
        }
        String key = operation.get().getKey() + " " + answer.status() + " " + contentType;
        Schema schema = schemas.computeIfAbsent(key, ignored -> schemaOf(media.get("schema"), key));
        List<String> violations = new ArrayList<>();
        schema.validate(answer.body()).forEach(error -> violations.add(what + ": " + error));
        return violations;
    }

    private Schema schemaOf(JsonNode schema, String key) {
        ObjectNode root = ((ObjectNode) schema).deepCopy();
        root.set("components", document.get("components"));
        return registry.getSchema(SchemaLocation.of("urn:ghost-resume:" + service + ":"
                + key.replaceAll("[^A-Za-z0-9]+", "-")), root);
    }

    /** The documented operation whose path template matches the path, as {@code METHOD template}. */
    private Optional<Map.Entry<String, JsonNode>> operation(String method, String path) {
        List<Map.Entry<String, JsonNode>> matches = new ArrayList<>();
        document.get("paths").properties().forEach(entry -> {
            JsonNode operation = entry.getValue().path(method.toLowerCase());
            if (!operation.isMissingNode() && matches(entry.getKey(), path)) {
                matches.add(Map.entry(method + " " + entry.getKey(), operation));
            }
        });
        // a literal segment beats a variable one: /api/me/attempts over /api/me/{x}
        return matches.stream().min(java.util.Comparator.comparingInt(match -> match.getKey().split("\\{").length));
    }

    private static boolean matches(String template, String path) {
        String[] literals = template.split("\\{[^/]+}", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            regex.append(Pattern.quote(literals[i]));
            if (i < literals.length - 1) {
                regex.append("[^/]+");
            }
        }
        return path.matches(regex.toString());
    }
}
