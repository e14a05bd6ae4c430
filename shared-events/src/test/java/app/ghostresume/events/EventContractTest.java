package app.ghostresume.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JSON on the topic is a contract with every consumer, including ones built from older code. Each event
 * type has a golden file; renaming a field or a type, or changing a date format, breaks this test.
 */
class EventContractTest {

    private static final UUID SEEKER = UUID.fromString("5eec0000-0000-4000-8000-000000000001");
    private static final UUID ATTEMPT = UUID.fromString("a7740000-0000-4000-8000-000000000002");
    private static final UUID EVENT = UUID.fromString("e0e00000-0000-4000-8000-000000000003");
    private static final Instant AT = Instant.parse("2026-11-02T09:15:30.123Z");

    private static final UUID GOAL = UUID.fromString("90a10000-0000-4000-8000-000000000004");
    private static final UUID CHALLENGE = UUID.fromString("c4a10000-0000-4000-8000-000000000005");
    private static final UUID PAUSE = UUID.fromString("9a050000-0000-4000-8000-000000000006");
    private static final UUID REFLECTION = UUID.fromString("2ef10000-0000-4000-8000-000000000007");
    private static final UUID SHARE = UUID.fromString("54a20000-0000-4000-8000-000000000008");

    private static final Map<EventType, SeekerEvent> SAMPLES = Map.ofEntries(
            Map.entry(EventType.SEEKER_REGISTERED,
                    new SeekerRegistered(SEEKER, "nora", "Nora Ephron", ZoneId.of("Pacific/Auckland"))),
            Map.entry(EventType.SEEKER_SETTINGS_CHANGED,
                    new SeekerSettingsChanged(SEEKER, Map.of(Category.PITCH, 21, Category.GRANT, 60),
                            Map.of(Category.PITCH, 7, Category.GRANT, 30))),
            Map.entry(EventType.PROFILE_CHANGED, new ProfileChanged(SEEKER, true)),
            Map.entry(EventType.SEEKER_ERASED, new SeekerErased(SEEKER, LocalDate.of(2026, 11, 30))),
            Map.entry(EventType.PAUSE_SCHEDULED,
                    new PauseScheduled(PAUSE, SEEKER, LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 3),
                            "Holidays")),
            Map.entry(EventType.PAUSE_CANCELLED, new PauseCancelled(PAUSE, SEEKER)),
            Map.entry(EventType.ATTEMPT_LOGGED,
                    new AttemptLogged(ATTEMPT, SEEKER, Category.PITCH, "The New Yorker", "Essay on rejection",
                            "Sent cold", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2))),
            Map.entry(EventType.ATTEMPT_ADVANCED,
                    new AttemptAdvanced(ATTEMPT, SEEKER, "interview round 3", LocalDate.of(2026, 11, 9),
                            "panel of four")),
            Map.entry(EventType.ATTEMPT_CORRECTED,
                    new AttemptCorrected(ATTEMPT, SEEKER, null, "The Paris Review", null, null,
                            LocalDate.of(2026, 11, 1), null)),
            Map.entry(EventType.RESPONSE_DEADLINES_SET,
                    new ResponseDeadlinesSet(ATTEMPT, SEEKER, LocalDate.of(2026, 11, 9), LocalDate.of(2026, 12, 2))),
            Map.entry(EventType.FOLLOW_UP_DUE, new FollowUpDue(ATTEMPT, SEEKER, LocalDate.of(2026, 11, 9))),
            Map.entry(EventType.FOLLOWED_UP, new FollowedUp(ATTEMPT, SEEKER, LocalDate.of(2026, 11, 10))),
            Map.entry(EventType.REJECTION_RECEIVED,
                    new RejectionReceived(ATTEMPT, SEEKER, LocalDate.of(2026, 11, 20), "interview round 3",
                            "Not a fit for this issue", 4)),
            Map.entry(EventType.ACCEPTANCE_RECEIVED,
                    new AcceptanceReceived(ATTEMPT, SEEKER, LocalDate.of(2026, 11, 20), "Starts in January")),
            Map.entry(EventType.ATTEMPT_GHOSTED,
                    new AttemptGhosted(ATTEMPT, SEEKER, LocalDate.of(2026, 11, 21), true)),
            Map.entry(EventType.ATTEMPT_WITHDRAWN,
                    new AttemptWithdrawn(ATTEMPT, SEEKER, LocalDate.of(2026, 11, 5), "Took another offer")),
            Map.entry(EventType.REFLECTION_RECORDED,
                    new ReflectionRecorded(ATTEMPT, SEEKER, REFLECTION, "Form letter after three weeks",
                            "Lead with the strongest paragraph", "Pitch the features editor", Personal.NO,
                            LocalDate.of(2026, 11, 21))),
            Map.entry(EventType.GOAL_SET,
                    new GoalSet(GOAL, SEEKER, GoalMetric.REJECTIONS, Category.PITCH, 12, GoalPeriod.CUSTOM,
                            LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))),
            Map.entry(EventType.GOAL_TARGET_CHANGED,
                    new GoalTargetChanged(GOAL, SEEKER, 15, LocalDate.of(2026, 11, 1))),
            Map.entry(EventType.GOAL_RETIRED, new GoalRetired(GOAL, SEEKER, LocalDate.of(2026, 11, 25))),
            Map.entry(EventType.CHALLENGE_CREATED,
                    new ChallengeCreated(CHALLENGE, SEEKER, "November of NO", "Collect 30 rejections",
                            LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                            new ChallengeGoal(GoalMetric.REJECTIONS, null, 30, ChallengeGoal.Per.TOTAL),
                            ChallengeVisibility.INVITE, "K7QX-2MHD", LocalDate.of(2026, 10, 28))),
            Map.entry(EventType.CHALLENGE_JOINED, new ChallengeJoined(CHALLENGE, SEEKER, LocalDate.of(2026, 11, 3))),
            Map.entry(EventType.CHALLENGE_LEFT, new ChallengeLeft(CHALLENGE, SEEKER, LocalDate.of(2026, 11, 20))),
            Map.entry(EventType.REJECTION_SHARED,
                    new RejectionShared(SHARE, SEEKER, ATTEMPT, AttemptStatus.REJECTED, Category.PITCH,
                            "interview round 3", 4, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 22),
                            "Third no this month, and the kindest one", true, ShareAudience.CHALLENGE, CHALLENGE)),
            Map.entry(EventType.SHARE_WITHDRAWN, new ShareWithdrawn(SHARE, SEEKER, LocalDate.of(2026, 11, 23))),
            Map.entry(EventType.SUPPORT_OFFERED,
                    new SupportOffered(SHARE, SEEKER, SupportKind.YOU_GOT_THIS, "Their loss",
                            LocalDate.of(2026, 11, 22))),
            Map.entry(EventType.SUPPORT_WITHDRAWN,
                    new SupportWithdrawn(SHARE, SEEKER, SupportKind.HUG, LocalDate.of(2026, 11, 23))),
            Map.entry(EventType.SHARE_REPORTED, new ShareReported(SHARE, SEEKER, "Names a real person", false,
                    LocalDate.of(2026, 11, 22))),
            Map.entry(EventType.SHARE_HIDDEN, new ShareHidden(SHARE, SEEKER, 3, LocalDate.of(2026, 11, 22))),
            Map.entry(EventType.SHARE_RESTORED, new ShareRestored(SHARE, SEEKER, "Reviewed: nothing wrong with it",
                    LocalDate.of(2026, 11, 24))),
            Map.entry(EventType.SHARE_REMOVED,
                    new ShareRemoved(SHARE, SEEKER, "Names a real person", LocalDate.of(2026, 11, 24))));

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<EventType> eventTypes() {
        return Arrays.stream(EventType.values());
    }

    @Test
    void everyEventTypeHasASample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void encodesExactlyAsTheGoldenFile(EventType type) throws IOException {
        byte[] encoded = codec.encode(envelope(type));

        assertThat(json.readTree(encoded)).isEqualTo(json.readTree(golden(type)));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void decodesTheGoldenFile(EventType type) throws IOException {
        assertThat(codec.decode(golden(type))).contains(envelope(type));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void decodesAnEnvelopeWhoseFieldsComeInAnyOrder(EventType type) throws IOException {
        ObjectNode written = (ObjectNode) json.readTree(golden(type));
        ObjectNode payloadFirst = json.createObjectNode();
        payloadFirst.set("payload", written.get("payload"));
        List<String> rest = new ArrayList<>(written.propertyNames());
        Collections.reverse(rest);
        rest.stream().filter(name -> !name.equals("payload")).forEach(name -> payloadFirst.set(name,
                written.get(name)));

        assertThat(codec.decode(json.writeValueAsBytes(payloadFirst))).contains(envelope(type));
    }

    @Test
    void skipsAnUnknownEventTypeWhateverTheOrderOfItsFields() {
        byte[] bytes = """
                {"payload":{"offer":{"salary":1}},"eventId":"%s","seekerId":"%s","aggregateId":"x",
                 "aggregateSequence":0,"occurredAt":"2026-11-02T09:15:30Z","version":1,"type":"OfferMade"}
                """.formatted(EVENT, SEEKER).getBytes(StandardCharsets.UTF_8);

        assertThat(codec.decode(bytes)).isEmpty();
    }

    @Test
    void skipsAnUnknownEventType() {
        byte[] bytes = """
                {"eventId":"%s","type":"OfferMade","version":1,"seekerId":"%s","aggregateId":"x",
                 "aggregateSequence":0,"occurredAt":"2026-11-02T09:15:30Z","payload":{}}
                """.formatted(EVENT, SEEKER).getBytes(StandardCharsets.UTF_8);

        assertThat(codec.decode(bytes)).isEmpty();
    }

    @Test
    void skipsANewerVersionOfAKnownType() {
        String newer = new String(codec.encode(envelope(EventType.ATTEMPT_GHOSTED)), StandardCharsets.UTF_8)
                .replace("\"version\":1", "\"version\":2");

        assertThat(codec.decode(newer.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void ignoresFieldsAddedByANewerWriterOfTheSameVersion() {
        String extended = new String(codec.encode(envelope(EventType.ATTEMPT_GHOSTED)), StandardCharsets.UTF_8)
                .replace("\"declaredOn\"", "\"reason\":\"moved on\",\"declaredOn\"");

        assertThat(codec.decode(extended.getBytes(StandardCharsets.UTF_8))).contains(envelope(EventType.ATTEMPT_GHOSTED));
    }

    @Test
    void readsAGhostingWrittenBeforeAutomaticExistedAsDeclaredByTheSeeker() {
        String older = new String(codec.encode(envelope(EventType.ATTEMPT_GHOSTED)), StandardCharsets.UTF_8)
                .replace(",\"automatic\":true", "").replace("\"automatic\":true,", "");

        assertThat(older).doesNotContain("automatic");
        assertThat(codec.decode(older.getBytes(StandardCharsets.UTF_8)).orElseThrow().payload())
                .isEqualTo(new AttemptGhosted(ATTEMPT, SEEKER, LocalDate.of(2026, 11, 21), false));
    }

    @Test
    void readsAReportWrittenBeforeCountedExistedAsOneThatCounts() {
        String older = new String(codec.encode(envelope(EventType.SHARE_REPORTED)), StandardCharsets.UTF_8)
                .replace(",\"counted\":false", "").replace("\"counted\":false,", "");

        assertThat(older).doesNotContain("counted");
        ShareReported read = (ShareReported) codec.decode(older.getBytes(StandardCharsets.UTF_8)).orElseThrow()
                .payload();
        assertThat(read.counted()).isNull();
        assertThat(read.counts()).isTrue();
        assertThat(((ShareReported) SAMPLES.get(EventType.SHARE_REPORTED)).counts()).isFalse();
    }

    @Test
    void everyEventNamesTheDayItIsAboutOrIsKeyedByItsSeeker() {
        for (SeekerEvent event : SAMPLES.values()) {
            if (!event.orderingKey().equals(event.seekerId())) {
                assertThat(event.ownDate()).as("%s, keyed by another than its seeker", event).isPresent();
            }
        }
        assertThat(SAMPLES.get(EventType.REJECTION_RECEIVED).ownDate()).contains(LocalDate.of(2026, 11, 20));
        assertThat(SAMPLES.get(EventType.ATTEMPT_LOGGED).ownDate()).contains(LocalDate.of(2026, 11, 2));
        assertThat(SAMPLES.get(EventType.ATTEMPT_GHOSTED).ownDate()).contains(LocalDate.of(2026, 11, 21));
        assertThat(SAMPLES.get(EventType.CHALLENGE_CREATED).ownDate()).contains(LocalDate.of(2026, 10, 28));
        assertThat(SAMPLES.get(EventType.SUPPORT_OFFERED).ownDate()).contains(LocalDate.of(2026, 11, 22));
        assertThat(SAMPLES.get(EventType.ATTEMPT_CORRECTED).ownDate()).isEmpty();
        assertThat(SAMPLES.get(EventType.GOAL_SET).ownDate()).isEmpty();
    }

    @Test
    void readsAShareEventWrittenBeforeItsDayExistedAsOneWithoutADay() {
        String older = new String(codec.encode(envelope(EventType.SUPPORT_OFFERED)), StandardCharsets.UTF_8)
                .replace(",\"offeredOn\":\"2026-11-22\"", "");

        assertThat(older).doesNotContain("offeredOn");
        assertThat(codec.decode(older.getBytes(StandardCharsets.UTF_8)).orElseThrow().payload().ownDate()).isEmpty();
    }

    @Test
    void keysAChallengeByTheChallengeAShareByTheShareAndEverythingElseByTheSeeker() {
        assertThat(SAMPLES.get(EventType.CHALLENGE_JOINED).orderingKey()).isEqualTo(CHALLENGE);
        assertThat(SAMPLES.get(EventType.SUPPORT_OFFERED).orderingKey()).isEqualTo(SHARE);
        assertThat(SAMPLES.get(EventType.REFLECTION_RECORDED).orderingKey()).isEqualTo(SEEKER);
        assertThat(SAMPLES.get(EventType.GOAL_SET).orderingKey()).isEqualTo(SEEKER);
        assertThat(SAMPLES.get(EventType.REJECTION_RECEIVED).orderingKey()).isEqualTo(SEEKER);
    }

    @Test
    void rejectsBytesThatAreNotAnEvent() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.UndecodableEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"AttemptGhosted\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.UndecodableEventException.class);
        assertThatThrownBy(() -> codec.decode(new String(codec.encode(envelope(EventType.ATTEMPT_GHOSTED)),
                StandardCharsets.UTF_8).replace("2026-11-21", "21/11/2026").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.UndecodableEventException.class);
        String ghosted = new String(codec.encode(envelope(EventType.ATTEMPT_GHOSTED)), StandardCharsets.UTF_8);
        for (String broken : List.of("", "[]", "{}", ghosted.substring(0, ghosted.length() - 2), ghosted + " {}",
                ghosted.replaceFirst("\"payload\":\\{[^}]*}", "\"payload\":null"),
                ghosted.replaceFirst("\"payload\":\\{[^}]*}", "\"payload\":\"text\""),
                ghosted.replaceFirst("\"eventId\":\"[^\"]*\"", "\"eventId\":{\"a\":1}"),
                ghosted.replaceFirst("\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":null"),
                ghosted.replace("\"version\":1", "\"version\":{\"eventId\":\"x\"}"),
                ghosted.replaceFirst("}$", ",\"type\":\"AttemptLogged\"}"),
                ghosted.replaceFirst("}$", ",\"payload\":null}"))) {
            assertThat(broken).as("a broken variant").isNotEqualTo(ghosted);
            assertThatThrownBy(() -> codec.decode(broken.getBytes(StandardCharsets.UTF_8))).as(broken)
                    .isInstanceOf(EventCodec.UndecodableEventException.class);
        }
    }

    private static EventEnvelope envelope(EventType type) {
        SeekerEvent payload = SAMPLES.get(type);
        UUID aggregate = payload instanceof AttemptEvent attempt ? attempt.attemptId()
                : payload instanceof GoalEvent goal ? goal.goalId()
                : payload instanceof ChallengeEvent challenge ? challenge.challengeId()
                : payload instanceof ShareEvent share ? share.shareId()
                : SEEKER;
        String aggregateId = aggregate.toString();
        return EventEnvelope.wrap(EVENT, aggregateId, 3, AT, payload);
    }

    private static byte[] golden(EventType type) throws IOException {
        String name = "/golden/" + type.typeName() + ".v" + type.version() + ".json";
        try (InputStream in = EventContractTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
