package app.ghostresume.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import app.ghostresume.command.platform.personaldata.PlaintextResealing;
import app.ghostresume.command.platform.security.TokenIssuer;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.EventCodec;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.PersonalFields;
import app.ghostresume.events.SeekerErased;
import app.ghostresume.personal.Sealing;
import app.ghostresume.personal.SeekerKeys;
import app.ghostresume.stack.TestInfrastructure;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.stack.testing.TableScan;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static app.ghostresume.command.CommandServiceTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal fields sealed on their way into the event store and onto the topic, and an account erased: checked in
 * the bytes of the event store's tables and of the topic's records, not by asking the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErasureIntegrationTest {

    private static final String TOPIC = TestInfrastructure.get().newTopicName("command-erasure");
    private static final String PASSWORD = "correct horse battery";

    /** The one seeker named an operator. */
    private static final UUID OPERATOR = UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        CommandServiceTests.connect(registry, "command_erasure", () -> TOPIC);
        registry.add("ghost.security.operators", OPERATOR::toString);
        // keys are read every time, so a rotation shows at once
        registry.add("ghost.keys.remember-for", () -> "PT0S");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource database;

    @Autowired
    SeekerKeys keys;

    @Autowired
    PlaintextResealing resealing;

    @Autowired
    TokenIssuer tokens;

    private final EventCodec codec = new EventCodec();
    private HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi("http://localhost:" + port);
    }

    @Test
    void personalFieldsAreStoredAndPublishedOnlySealedAndTheSeekerReadsThemBack() {
        String secret = "Quillfeather Review " + CommandServiceTests.suffix();
        Seeker nora = signUp("sealed-" + CommandServiceTests.suffix(), "Nora Sealed");
        String attemptId = logAttempt(nora, secret);

        assertThat(storeBytesContain(secret)).as("the event store").isFalse();
        assertThat(storeBytesContain(nora.handle(), "seeker_account")).as("the handle, but for its account").isFalse();
        List<ConsumerRecord<String, byte[]>> records = recordsOf(nora.id(), 2);
        assertThat(recordsContain(records, secret)).as("the topic").isFalse();
        assertThat(recordsContain(records, nora.handle())).as("the handle on the topic").isFalse();

        EventEnvelope logged = records.stream().map(r -> codec.decode(r.value()).orElseThrow())
                .filter(e -> e.payload() instanceof AttemptLogged).findFirst().orElseThrow();
        assertThat(((AttemptLogged) logged.payload()).target()).startsWith(Sealing.PREFIX)
                .as("published as stored, not sealed again").isEqualTo(JsonMapper.builder().build().readTree(
                        jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%AttemptLogged'")
                                .param(attemptId).query(String.class).single()).get("target").asString());
        assertThat(Sealing.open((AttemptLogged) logged.payload(), keys.openingKey(nora.id()).orElseThrow()).target())
                .isEqualTo(secret);

        // the aggregate reads its events opened: a correction that changes nothing records nothing
        Answer corrected = api.request("PATCH", "/api/attempts/" + attemptId, Map.of("category", "PITCH",
                "target", secret, "title", "Essay", "sentOn", LocalDate.now().minusDays(3).toString()))
                .token(nora.token()).send();
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(new StoredEvents(jdbc, keys).eventsOfType(attemptId, "AttemptCorrected")).isZero();
    }

    @Test
    void erasureNeedsThePasswordThenShredsTheKeyAndTheAccount() {
        String secret = "Marrowbone Quarterly " + CommandServiceTests.suffix();
        Seeker nora = signUp("erased-" + CommandServiceTests.suffix(), "Nora Erased");
        logAttempt(nora, secret);

        Answer wrong = api.request("DELETE", "/api/me", Map.of("password", "not my password"))
                .token(nora.token()).send();
        assertProblem(wrong, 403, "wrong-password");
        assertThat(keys.openingKey(nora.id())).as("nothing erased").isPresent();
        assertProblem(api.request("DELETE", "/api/me", Map.of()).token(nora.token()).send(), 400, "validation");

        Answer erased = api.request("DELETE", "/api/me", Map.of("password", PASSWORD)).token(nora.token()).send();

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(keys.shredded(nora.id())).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM seeker_account WHERE seeker_id = ?").param(nora.id())
                .query(Long.class).single()).isZero();
        assertProblem(api.post("/api/sessions", Map.of("handle", nora.handle(), "password", PASSWORD)).send(), 401,
                "invalid-credentials");
        assertProblem(api.post("/api/attempts", Map.of("category", "PITCH", "target", "T", "title", "T"))
                .token(nora.token()).send(), 401, "unauthenticated");

        // registered, logged, its deadlines set, erased
        List<ConsumerRecord<String, byte[]>> records = recordsOf(nora.id(), 4);
        List<EventEnvelope> events = records.stream().map(r -> codec.decode(r.value()).orElseThrow()).toList();
        assertThat(events).extracting(EventEnvelope::payload).last().isInstanceOf(SeekerErased.class);
        assertThat(events).extracting(EventEnvelope::payload).filteredOn(e -> e instanceof AttemptLogged)
                .allSatisfy(e -> assertThat(Sealing.open((AttemptLogged) e, null).target())
                        .isEqualTo(PersonalFields.ERASED));
        assertThat(storeBytesContain(secret)).isFalse();
        assertThat(storeBytesContain(nora.handle())).as("the handle, anywhere").isFalse();
        assertThat(recordsContain(records, secret)).isFalse();

        // the handle is free again, and the new account's key is a new one
        Seeker again = signUp(nora.handle(), "Someone Else");
        assertThat(again.id()).isNotEqualTo(nora.id());
        assertThat(keys.openingKey(again.id())).isPresent();
    }

    @Test
    void aSharesSnapshotWithTheSupportersMessagesGoesWithTheSupporter() {
        Seeker author = signUp("author-" + CommandServiceTests.suffix(), "Author");
        Seeker supporter = signUp("supporter-" + CommandServiceTests.suffix(), "Supporter");
        String attempt = logAttempt(author, "Anywhere");
        assertThat(api.post("/api/attempts/" + attempt + "/rejection", Map.of("sting", 2)).token(author.token())
                .send().status()).isEqualTo(200);
        Answer shared = api.post("/api/attempts/" + attempt + "/shares", Map.of("story", "s", "anonymous", true,
                "audience", "PUBLIC")).token(author.token()).send();
        assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
        String share = shared.body().get("shareId").asString();
        String message = "you will get there " + CommandServiceTests.suffix();
        // enough support given and taken back for the share to be snapshotted, with the message in it
        for (int i = 0; i < 60; i++) {
            assertThat(api.post("/api/shares/" + share + "/support", Map.of("kind", "HUG", "message", message))
                    .token(supporter.token()).send().status()).isEqualTo(200);
            assertThat(api.request("DELETE", "/api/shares/" + share + "/support/HUG", null)
                    .token(supporter.token()).send().status()).isEqualTo(204);
        }
        assertThat(api.post("/api/shares/" + share + "/support", Map.of("kind", "HUG", "message", message))
                .token(supporter.token()).send().status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(share)
                .query(Long.class).single()).as("snapshotted").isEqualTo(1);
        assertThat(storeBytesContain(message)).as("a snapshot holds the aggregate as it is, messages opened")
                .isTrue();

        assertThat(api.request("DELETE", "/api/me", Map.of("password", PASSWORD)).token(supporter.token()).send()
                .status()).isEqualTo(200);

        assertThat(storeBytesContain(message)).isFalse();
        // the share loads from its events again and takes more support
        Seeker friend = signUp("friend-" + CommandServiceTests.suffix(), "Friend");
        Answer proud = api.post("/api/shares/" + share + "/support", Map.of("kind", "PROUD")).token(friend.token())
                .send();
        assertThat(proud.status()).as(proud.toString()).isEqualTo(200);
    }

    @Test
    void eventsStoredInPlainTextBeforeSealingAreSealedInPlaceAndAnErasedSeekersAreErased() {
        String kept = "Plainfield Gazette " + CommandServiceTests.suffix();
        String gone = "Oldtown Monthly " + CommandServiceTests.suffix();
        Seeker nora = signUp("legacy-" + CommandServiceTests.suffix(), "Nora Legacy");
        Seeker erased = signUp("legacy-gone-" + CommandServiceTests.suffix(), "Gone Legacy");
        String noras = logAttempt(nora, "placeholder");
        String theirs = logAttempt(erased, "placeholder");
        // as written before sealing existed: the personal fields in plain text
        asWrittenInPlainText(noras, kept);
        asWrittenInPlainText(theirs, gone);
        assertThat(storeBytesContain(kept)).isTrue();
        assertThat(api.request("DELETE", "/api/me", Map.of("password", PASSWORD)).token(erased.token()).send()
                .status()).isEqualTo(200);
        assertThat(storeBytesContain(gone)).as("plain text outlives a shredded key until resealed").isTrue();
        jdbc.sql("UPDATE personal_data_sealing SET position = -1, finished_at = NULL").update();

        assertThat(resealing.runToTheEnd()).isGreaterThanOrEqualTo(2);

        assertThat(storeBytesContain(kept)).isFalse();
        assertThat(storeBytesContain(gone)).isFalse();
        assertThat(new StoredEvents(jdbc, keys).payload(noras, "AttemptLogged").get("target").asString())
                .isEqualTo(kept);
        assertThat(jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%AttemptLogged'").param(theirs)
                .query(String.class).single()).contains(PersonalFields.ERASED);
        assertThat(resealing.runToTheEnd()).as("once").isZero();
        assertThat(jdbc.sql("SELECT finished_at IS NOT NULL FROM personal_data_sealing").query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void operatorsRotateEveryKeyAndWhatWasSealedBeforeStillOpens() {
        Seeker nora = signUp("rotated-" + CommandServiceTests.suffix(), "Nora Rotated");
        String before = logAttempt(nora, "Before " + nora.handle());
        assertProblem(api.post("/api/operator/keys/rotation", Map.of()).token(nora.token()).send(), 403,
                "forbidden");

        Answer rotated = api.post("/api/operator/keys/rotation", Map.of()).token(operatorToken()).send();

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.body().get("rotatedKeys").asInt()).isPositive();
        String after = logAttempt(nora, "After " + nora.handle());
        StoredEvents stored = new StoredEvents(jdbc, keys);
        assertThat(stored.payload(before, "AttemptLogged").get("target").asString())
                .isEqualTo("Before " + nora.handle());
        assertThat(stored.payload(after, "AttemptLogged").get("target").asString())
                .isEqualTo("After " + nora.handle());
        assertThat(keyIdOf(before)).as("sealed with the new primary key").isNotEqualTo(keyIdOf(after));
    }

    /** The Tink key id a stored target was sealed under: the ciphertext's first five bytes after its version. */
    private String keyIdOf(String attemptId) {
        String sealed = JsonMapper.builder().build().readTree(jdbc.sql("SELECT convert_from(payload, 'UTF8') "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%AttemptLogged'")
                .param(attemptId).query(String.class).single()).get("target").asString();
        byte[] ciphertext = Base64.getUrlDecoder().decode(sealed.substring(Sealing.PREFIX.length()));
        return HexFormat.of().formatHex(ciphertext, 1, 5);
    }

    private String operatorToken() {
        return CommandServiceTests.operatorToken(jdbc, tokens, OPERATOR);
    }

    private void asWrittenInPlainText(String attemptId, String target) {
        jdbc.sql("""
                UPDATE domain_event_entry
                SET payload = convert_to(jsonb_set(jsonb_set(convert_from(payload, 'UTF8')::jsonb,
                                                             '{target}', to_jsonb(CAST(? AS text))),
                                                   '{notes}', to_jsonb(CAST(? AS text)))::text, 'UTF8')
                WHERE aggregate_identifier = ? AND payload_type LIKE '%AttemptLogged'""")
                .params(target, "notes about " + target, attemptId).update();
    }

    // ---

    private record Seeker(UUID id, String handle, String token) {
    }

    private Seeker signUp(String handle, String displayName) {
        Answer signUp = api.post("/api/accounts", Map.of("handle", handle, "password", PASSWORD,
                "displayName", displayName, "timeZone", "Europe/Paris")).send();
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        Answer signIn = api.post("/api/sessions", Map.of("handle", handle, "password", PASSWORD)).send();
        return new Seeker(UUID.fromString(signUp.body().get("seekerId").asString()), handle,
                signIn.body().get("accessToken").asString());
    }

    private String logAttempt(Seeker seeker, String target) {
        Answer logged = api.post("/api/attempts", Map.of("category", "PITCH", "target", target, "title", "Essay",
                "notes", "notes about " + target, "sentOn", LocalDate.now().minusDays(3).toString()))
                .token(seeker.token()).send();
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        return logged.body().get("attemptId").asString();
    }

    /** Whether any table of the service's database but {@code except} holds the text ({@link TableScan}). */
    private boolean storeBytesContain(String text, String... except) {
        assertThat(jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").query(String.class).list())
                .as("what is scanned").contains("domain_event_entry", "snapshot_event_entry", "seeker_account",
                        "seeker_key");
        List<String> holding = new ArrayList<>(TableScan.tablesHolding(database, text));
        holding.removeAll(List.of(except));
        return !holding.isEmpty();
    }

    private static boolean recordsContain(List<ConsumerRecord<String, byte[]>> records, String text) {
        return records.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(text));
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(UUID seekerId, int expected) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                TestInfrastructure.get().bootstrapServers(), TOPIC,
                read -> distinct(read, seekerId).size() >= expected, Duration.ofSeconds(60));
        return distinct(records, seekerId);
    }

    private List<ConsumerRecord<String, byte[]>> distinct(List<ConsumerRecord<String, byte[]>> records,
            UUID seekerId) {
        Set<UUID> seen = new HashSet<>();
        return records.stream().filter(r -> codec.decode(r.value()).map(e -> e.seekerId().equals(seekerId)
                && seen.add(e.eventId())).orElse(false)).toList();
    }
}
