package app.ghostresume.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.system.RunningSystem.Seeker;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeker's data is theirs to take out and bring in: the attempts of one account, exported from the query service
 * and imported into an empty account through the command service, make the same board.
 */
class DataOwnershipTest {

    private static final RunningSystem system = RunningSystem.get();

    @Test
    void anExportImportsBackIntoAnEmptyAccountAsTheSameBoard() throws Exception {
        system.awaitConsumerGroupSettled(1);
        Seeker owner = system.newSeeker("exporter", "Europe/Lisbon");
        String a1 = log(owner, "JOB", "Acme, Inc.", "Backend engineer", "2026-09-01", "said \"no\",\nkindly");
        command(owner, a1, "/rejection", Map.of("receivedOn", "2026-09-20", "stageReached", "phone screen"));
        String a2 = log(owner, "PITCH", "The Atlantic", "Essay", "2026-09-03", null);
        command(owner, a2, "/acceptance", Map.of("receivedOn", "2026-09-30"));
        String a3 = log(owner, "GRANT", "Arts Council", "Project grant", "2026-09-05", null);
        command(owner, a3, "/ghosting", Map.of("declaredOn", "2026-10-20"));
        String a4 = log(owner, "SUBMISSION", "Granta", "Salt", "2026-09-07", null);
        command(owner, a4, "/withdrawal", Map.of("on", "2026-09-09"));
        String last = log(owner, "JOB", "Globex", "Platform engineer", owner.today().toString(), null);
        JsonNode board = board(owner, last + ".1", 5);

        byte[] csv = exportedFile(owner, "attempts.csv");

        Seeker newcomer = system.newSeeker("importer", "Europe/Lisbon");
        Answer started = system.commands.post("/api/me/imports", new String(csv, StandardCharsets.UTF_8))
                .token(newcomer.token()).header("Content-Type", "text/csv").send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        RunningSystem.awaitCount("imported rows", () -> system.commands.get(started.header("Location"))
                .token(newcomer.token()).send().body().get("created").asLong(), 5, Duration.ofSeconds(60));

        JsonNode imported = board(newcomer, null, 5);
        assertThat(withoutIds(imported)).isEqualTo(withoutIds(board));
        // the notes with their comma, quotes and line break came through whole
        String firstId = imported.get("items").get(4).get("attemptId").asString();
        assertThat(system.queries.get("/api/me/attempts/" + firstId).token(newcomer.token()).send().body()
                .get("notes").asString()).isEqualTo("said \"no\",\nkindly");
    }

    private static String log(Seeker seeker, String category, String target, String title, String sentOn,
            String notes) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("category", category, "target", target, "title",
                title, "sentOn", sentOn));
        if (notes != null) {
            body.put("notes", notes);
        }
        Answer answer = system.commands.post("/api/attempts", body).token(seeker.token()).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.body().get("attemptId").asString();
    }

    private static void command(Seeker seeker, String attemptId, String path, Map<String, Object> body) {
        Answer answer = system.commands.post("/api/attempts/" + attemptId + path, body).token(seeker.token()).send();
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(200);
    }

    /** The seeker's board once it has {@code size} attempts (and, with a token, holds that write). */
    private static JsonNode board(Seeker seeker, String token, int size) {
        RunningSystem.awaitCount("attempts on the board", () -> system.queries.get("/api/me/attempts?limit=100")
                .token(seeker.token()).send().body().get("items").size(), size, Duration.ofSeconds(30));
        var call = system.queries.get("/api/me/attempts?limit=100").token(seeker.token());
        if (token != null) {
            call.header("Consistency-Token", token);
        }
        Answer answer = call.send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static List<JsonNode> withoutIds(JsonNode board) {
        List<JsonNode> items = new ArrayList<>();
        board.get("items").forEach(item -> {
            ObjectNode copy = ((ObjectNode) item).deepCopy();
            copy.remove("attemptId");
            items.add(copy);
        });
        return items;
    }

    private static byte[] exportedFile(Seeker seeker, String name) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(system.stack.queryUrl() + "/api/me/export"))
                .header("Authorization", "Bearer " + seeker.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " is not in the export");
    }
}
