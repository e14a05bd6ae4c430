package app.ghostresume.command;

import java.time.Duration;
import java.util.Map;

import app.ghostresume.stack.TestInfrastructure;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spreadsheets imported over HTTP against real PostgreSQL and Kafka: a preview that says what each row would become,
 * an import followed to its end, the same file again creating nothing, and a multipart upload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportIntegrationTest {

    /** Four rows to import, one refused by a rule (answered before it was sent), one unreadable, one empty. */
    private static final String SHEET = """
            Company,Role,Date Applied,Status,Response date,Notes
            Acme Inc.,Backend engineer,01/10/2025,red,20/10/2025,"Form letter, sadly"
            Globex,Platform engineer,03/10/2025,yellow,,
            Initech,SRE,05/10/2025,offer,02/11/2025,
            Umbrella,Data engineer,07/10/2025,rejected,01/10/2025,
            Hooli,Engineer,09/10/2025,maybe,,
            ,,,,,
            """;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        CommandServiceTests.connect(registry, "command_imports",
                () -> TestInfrastructure.get().newTopicName("command-imports"));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi("http://localhost:" + port);
    }

    @Test
    void aPreviewSaysWhatEachRowWouldBecomeAndRecordsNothing() {
        String token = signUp("preview-" + CommandServiceTests.suffix());

        Answer preview = csv(token, "?dryRun=true&dateFormat=dd/MM/yyyy&category=JOB", SHEET);

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode body = preview.body();
        assertThat(body.get("total").asInt()).isEqualTo(5);
        assertThat(body.get("wouldCreate").asInt()).isEqualTo(3);
        assertThat(body.get("refused").asInt()).isEqualTo(2);
        assertThat(body.get("columns").get("TARGET").asString()).isEqualTo("Company");
        JsonNode rows = body.get("rows");
        assertThat(rows.get(0).get("outcome").asString()).isEqualTo("CREATE");
        assertThat(rows.get(0).get("status").asString()).isEqualTo("REJECTED");
        assertThat(rows.get(0).get("sentOn").asString()).isEqualTo("2025-10-01");
        assertThat(rows.get(3).get("line").asInt()).isEqualTo(5);
        assertThat(rows.get(3).get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(rows.get(3).get("reason").asString()).contains("outcomeOn").contains("before");
        assertThat(rows.get(4).get("reason").asString()).contains("'maybe'");
        assertThat(storedEventCount()).as("a preview records nothing").isEqualTo(storedEventCountBefore);
    }

    @Test
    void anImportRunsToItsEndAndTheSameFileAgainCreatesNothing() {
        String token = signUp("import-" + CommandServiceTests.suffix());

        JsonNode first = follow(token, csv(token, "?dateFormat=dd/MM/yyyy&category=JOB", SHEET));
        assertThat(first.get("state").asString()).isEqualTo("DONE");
        assertThat(first.get("total").asInt()).isEqualTo(5);
        assertThat(first.get("done").asInt()).isEqualTo(5);
        assertThat(first.get("created").asInt()).isEqualTo(3);
        assertThat(first.get("alreadyImported").asInt()).isZero();
        assertThat(first.get("refused")).extracting(refusal -> refusal.get("line").asInt()).containsExactly(5, 6);

        JsonNode again = follow(token, csv(token, "?dateFormat=dd/MM/yyyy&category=JOB", SHEET));
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(3);

        Answer preview = csv(token, "?dryRun=true&dateFormat=dd/MM/yyyy&category=JOB", SHEET);
        assertThat(preview.body().get("alreadyImported").asInt()).isEqualTo(3);
        assertThat(preview.body().get("wouldCreate").asInt()).isZero();
    }

    @Test
    void aMultipartUploadIsReadAsTheSameSheet() {
        String token = signUp("upload-" + CommandServiceTests.suffix());
        String boundary = "ghost-boundary-7MA4YWxkTrZu0gW";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"jobs.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "Company,Role,Date Applied,Status\r\nAcme,Engineer,2025-10-01,no\r\n"
                + "\r\n--" + boundary + "--\r\n";

        Answer preview = api.post("/api/me/imports?dryRun=true&category=JOB", body).token(token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).send();

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.body().get("rows").get(0).get("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void aFileThatIsNoSheetOfAttemptsIsAProblemAndStartsNothing() {
        String token = signUp("nosheet-" + CommandServiceTests.suffix());

        CommandServiceTests.assertProblem(csv(token, "", "Role,Applied\nEngineer,2025-10-01\n"), 422,
                "unreadable-sheet");
        CommandServiceTests.assertNotFound(api.get("/api/me/imports/" + java.util.UUID.randomUUID()).token(token)
                .send(), "import");
        CommandServiceTests.assertNotFound(api.get("/api/me/imports/not-an-id").token(token).send(), "import");
    }

    @Test
    void hostileFilesAreProblemsNeverErrorsOfOurs() {
        String token = signUp("hostile-" + CommandServiceTests.suffix());

        // an unterminated quote, a pattern that is no date pattern, JSON where a sheet belongs
        CommandServiceTests.assertProblem(csv(token, "?category=JOB", "Company,Applied\n\"Acme,2025-10-01\n"), 422,
                "unreadable-sheet");
        CommandServiceTests.assertProblem(csv(token, "?category=JOB&dateFormat=yyyy-MM-dd'T", "Company\nAcme\n"),
                422, "unreadable-sheet");
        Answer json = api.post("/api/me/imports?category=JOB", Map.of("company", "Acme")).token(token).send();
        assertThat(json.status()).as(json.toString()).isEqualTo(415);
        // a control character in a target refuses its row, not the file
        Answer preview = csv(token, "?dryRun=true&category=JOB", "Company,Applied\nAc\u0000me,2025-10-01\n"
                + "Acme,2025-10-01\n");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.body().get("rows").get(0).get("reason").asString()).contains("target");
        assertThat(preview.body().get("rows").get(1).get("outcome").asString()).isEqualTo("CREATE");
        // a stage is held to what a rejection's stage reached may be
        Answer stage = csv(token, "?dryRun=true&category=JOB", "Company,Applied,Status,Stage\n"
                + "Acme,2025-10-01,rejected,ph\u0001one\n");
        assertThat(stage.body().get("rows").get(0).get("reason").asString()).startsWith("stage");
        // a category that is none, and too many rows
        Answer badCategory = csv(token, "?category=ASTRONAUT", "Company\nAcme\n");
        assertThat(badCategory.status()).as(badCategory.toString()).isEqualTo(400);
        CommandServiceTests.assertProblem(csv(token, "?category=JOB", "Company,Applied\n"
                + "Acme,2025-10-01\n".repeat(10_001)), 422, "unreadable-sheet"); // at most 10,000 rows
        // an upload whose parts do not parse
        Answer broken = api.post("/api/me/imports?category=JOB", "--nope\r\nnot a part").token(token)
                .header("Content-Type", "multipart/form-data; boundary=elsewhere").send();
        assertThat(broken.status()).as(broken.toString()).isBetween(400, 499);
        assertThat(broken.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void someoneElsesImportIsNotThere() {
        String owner = signUp("owner-" + CommandServiceTests.suffix());
        String other = signUp("other-" + CommandServiceTests.suffix());
        Answer started = csv(owner, "?category=JOB", "Company,Applied\nAcme,2025-10-01\n");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);

        CommandServiceTests.assertNotFound(api.get(started.header("Location")).token(other).send(), "import");
    }

    private long storedEventCountBefore;

    private long storedEventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private Answer csv(String token, String query, String csv) {
        storedEventCountBefore = storedEventCount();
        return api.post("/api/me/imports" + query, csv).token(token).header("Content-Type", "text/csv").send();
    }

    /** Follows an import it started to its end. */
    private JsonNode follow(String token, Answer started) {
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.header("Location");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(location).token(token).send().body().get("state")
                .asString().equals("DONE"));
        return api.get(location).token(token).send().body();
    }

    private String signUp(String handle) {
        Answer answer = api.post("/api/accounts", Map.of("handle", handle, "password", "long enough password",
                "displayName", handle, "timeZone", "Europe/Lisbon")).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        Answer session = api.post("/api/sessions", Map.of("handle", handle, "password", "long enough password"))
                .send();
        return session.body().get("accessToken").asString();
    }
}
