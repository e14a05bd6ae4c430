package app.ghostresume.security.web;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json31;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

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

    /** The name of the RFC 9457 problem schema in the document's components. */
    public static final String PROBLEM = "Problem";

    private ApiDocument() {
    }

    /**
     * The service's description; {@code fromToken} are the annotations of handler parameters the service fills
     * from the bearer token (the calling seeker), which are no part of a request a client sends.
     */
    @SafeVarargs
    public static OpenAPI describe(String title, String description, String version, String publicUrl,
            Class<? extends Annotation>... fromToken) {
        SpringDocUtils.getConfig().addAnnotationsToIgnore(fromToken);
        return new OpenAPI()
                .info(new Info().title(title).description(description).version(version))
                .addServersItem(new Server().url(publicUrl))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from POST /api/sessions on the command service, sent as "
                                + "Authorization: Bearer <token>")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Names each schema after its record, and a nested record after the types it is nested in as well (without a
     * {@code Controller} suffix): {@code BoardController.Item} is {@code BoardItem}. By their simple names alone,
     * the {@code Item}s of the board and of the feed would be one schema, and the document would describe one of
     * them wrongly.
     */
    public static ModelResolver schemaNames() {
        return new ModelResolver(Json31.mapper(), new TypeNameResolver() {
            @Override
            protected String getNameOfClass(Class<?> type) {
                StringBuilder name = new StringBuilder(type.getSimpleName());
                for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                    name.insert(0, outer.getSimpleName().replaceFirst("Controller$", ""));
                }
                return name.toString();
            }
        }).openapi31(true);
    }

    /**
     * What springdoc cannot see in the controllers: {@code null} allowed on every property not required
     * ({@link #nullUnlessRequired}); on every operation the problems it may answer ({@link #problems}), each
     * {@code application/problem+json} of the {@value #PROBLEM} schema, whose {@code type} names the service's
     * {@code problemTypes}, and the {@code particular} ones of single operations; no security requirement on the
     * {@code open} operations ({@code METHOD path}); and the {@code header} the service reads on each operation of
     * its method under {@code /api/}.
     */
    public static OpenApiCustomizer conventions(Collection<URI> problemTypes, Set<String> open, RequestHeader header,
            Answer... particular) {
        return document -> {
            document.getComponents().getSchemas().values().forEach(ApiDocument::nullUnlessRequired);
            document.getComponents().addSchemas(PROBLEM, problemSchema(problemTypes));
            document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String name = method.name() + " " + path;
                boolean needsToken = !open.contains(name);
                if (!needsToken) {
                    operation.setSecurity(List.of());
                }
                problems(operation, method, path, needsToken);
                for (Answer answer : particular) {
                    if (answer.operation().equals(name)) {
                        problem(operation, answer.status(), answer.description());
                    }
                }
                if (header != null && header.method() == method && path.startsWith("/api/")) {
                    header.addTo(operation);
                }
            }));
        };
    }

    /**
     * The problems an operation may answer by its kind: 400, 406, 429 and 503 (with {@code Retry-After}) any; 401
     * one that needs a token; 403 the operators' and the commands; 404 one naming something by id; 409, 413, 415
     * and 422 a command.
     */
    private static void problems(Operation operation, PathItem.HttpMethod method, String path, boolean needsToken) {
        boolean changes = method != PathItem.HttpMethod.GET;
        problem(operation, "400", "Malformed or invalid: a field, a parameter or the body");
        if (needsToken) {
            problem(operation, "401", "No valid bearer token (WWW-Authenticate says why)");
        }
        if (path.startsWith("/api/operator/") || changes && needsToken) {
            problem(operation, "403", "Not allowed with this token (the operator scope, the author, the password)");
        }
        if (path.contains("{")) {
            problem(operation, "404", "Nothing of the caller's by that id");
        }
        if (changes) {
            problem(operation, "409", "Not possible in the current state (or a concurrent change)");
            problem(operation, "413", "The body is too large");
            problem(operation, "415", "The body is not of a type this operation reads");
            problem(operation, "422", "The request breaks a rule, or reuses an Idempotency-Key");
        }
        problem(operation, "406", "The Accept header takes no type this answer comes in");
        problem(operation, "429", "Too many at once (sign-ins, or reads waiting for a Consistency-Token)");
        problem(operation, "503", "A dependency is away for a moment; retry after Retry-After seconds")
                .addHeaderObject("Retry-After", new Header().description("seconds").schema(new IntegerSchema()));
    }

    /**
     * A property that is not required may be {@code null} in an answer (the records' fields without a value are
     * written as null), which OpenAPI 3.1 says with a {@code null} type beside the property's own.
     */
    private static void nullUnlessRequired(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            return new JsonSchema().anyOf(List.of(new JsonSchema().$ref(property.get$ref()),
                    new JsonSchema().types(new LinkedHashSet<>(List.of("null")))));
        }
        Set<String> types = property.getTypes() != null ? new LinkedHashSet<>(property.getTypes())
                : property.getType() != null ? new LinkedHashSet<>(List.of(property.getType())) : null;
        if (types == null) {
            return property;
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            property.getEnum().add(null);
        }
        nullUnlessRequired(property);
        return property;
    }

    private static Schema<?> problemSchema(Collection<URI> problemTypes) {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema());
        error.addProperty("message", new StringSchema());
        StringSchema type = new StringSchema();
        type.setFormat("uri");
        type.setDescription("One of " + String.join(", ", problemTypes.stream().map(URI::toString).toList())
                + "; or, for a refusal of the container itself, " + ProblemTypes.BASE
                + "<the status's name> (bad-request, method-not-allowed, not-acceptable, not-implemented)");
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", type);
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(error));
        return problem;
    }

    private static ApiResponse problem(Operation operation, String status, String description) {
        ApiResponse existing = operation.getResponses().get(status);
        if (existing != null) {
            return existing;
        }
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/"
                        + PROBLEM))));
        operation.getResponses().addApiResponse(status, response);
        return response;
    }

    /** A problem one operation ({@code METHOD path}) answers beyond those every operation of its kind may. */
    public record Answer(String operation, String status, String description) {
    }

    /** A request header a service reads on every operation of one method. */
    public record RequestHeader(PathItem.HttpMethod method, String name, String description) {

        void addTo(Operation operation) {
            boolean present = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(parameter -> name.equalsIgnoreCase(parameter.getName()));
            if (!present) {
                operation.addParametersItem(new HeaderParameter().name(name).required(false)
                        .description(description).schema(new StringSchema()));
            }
        }
    }
}
