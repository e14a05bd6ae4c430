package app.ghostresume.query.platform;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to a servlet response, for filters and entry points outside Spring MVC. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void write(JsonMapper json, HttpServletResponse response, ProblemType type, String detail,
            String instance) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.type().toString());
        problem.put("title", type.title());
        problem.put("status", type.status().value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        response.setStatus(type.status().value());
        if (type.isTemporary() || type == ProblemType.TOO_MANY_REQUESTS) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
