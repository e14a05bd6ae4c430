package app.ghostresume.stack.testing;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The operations a service's OpenAPI document describes and those its controllers serve, each as
 * {@code METHOD path}, so that a test can hold one against the other.
 */
public final class ApiOperations {

    private ApiOperations() {
    }

    /** Every operation of the document's {@code paths}. */
    public static Set<String> documented(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(
                operation -> operations.add(operation.getKey().toUpperCase() + " " + path.getKey())));
        return operations;
    }

    /** Every parameter the document asks clients for, as {@code name (in)}. */
    public static Set<String> parameters(JsonNode document) {
        Set<String> parameters = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(
                operation -> operation.getValue().path("parameters").forEach(parameter -> parameters.add(
                        parameter.get("name").asString() + " (" + parameter.get("in").asString() + ")"))));
        return parameters;
    }

    /** Every request mapping of the project's own controllers ({@code app.ghostresume}) but the error page. */
    public static Set<String> served(RequestMappingHandlerMapping mappings) {
        Set<String> operations = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("app.ghostresume")) {
                served(info, operations);
            }
        });
        return operations;
    }

    private static void served(RequestMappingInfo info, Set<String> operations) {
        info.getPathPatternsCondition().getPatternValues().stream().filter(path -> !path.equals("/error"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(verb -> operations.add(verb.name() + " " + path)));
    }
}
