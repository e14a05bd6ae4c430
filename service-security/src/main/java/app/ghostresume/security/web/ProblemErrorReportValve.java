package app.ghostresume.security.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's answer to what it refuses itself, before any servlet sees the request (an encoded slash or a NUL in the
 * path, headers over the limit, a URL too long, {@code CONNECT}), as an RFC 9457 problem instead of its HTML page:
 * {@code type} {@code https://ghostresume.app/problems/<status name>}, such as {@code bad-request}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        // as Tomcat's own valve does: nothing is written to a connection that can take no more
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String kind = ProblemTypes.slugOfStatus(status);
        String body = "{\"type\":\"" + ProblemTypes.type(kind) + "\",\"title\":\"" + title(kind) + "\",\"status\":" + status
                + ",\"detail\":\"The request was refused by the server before it was read: " + title(kind)
                .toLowerCase(Locale.ROOT) + ".\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // the client is gone or the answer was committed meanwhile: nothing more can be said
        }
    }

    private static String title(String kind) {
        String words = kind.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
