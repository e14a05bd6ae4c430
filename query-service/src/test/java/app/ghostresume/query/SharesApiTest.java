package app.ghostresume.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.AcceptanceReceived;
import app.ghostresume.events.AttemptGhosted;
import app.ghostresume.events.AttemptLogged;
import app.ghostresume.events.AttemptStatus;
import app.ghostresume.events.Category;
import app.ghostresume.events.ChallengeJoined;
import app.ghostresume.events.ChallengeLeft;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.events.RejectionReceived;
import app.ghostresume.events.RejectionShared;
import app.ghostresume.events.SeekerEvent;
import app.ghostresume.events.SeekerRegistered;
import app.ghostresume.events.ShareAudience;
import app.ghostresume.events.ShareHidden;
import app.ghostresume.events.ShareReported;
import app.ghostresume.events.ShareWithdrawn;
import app.ghostresume.events.SupportKind;
import app.ghostresume.events.SupportOffered;
import app.ghostresume.events.SupportWithdrawn;
import app.ghostresume.query.support.Api.Response;
import app.ghostresume.query.support.QueryServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shares, support and the feeds. Owl shares four outcomes: S1 openly (a JOB rejection), S2 and S3 anonymously (a
 * rejection, and the acceptance with two rejections and a ghosting behind it since the previous acceptance), S4
 * anonymously with challenge C (Owl and Bea are members, Dan left, Cy never joined). Bea shares S5 and withdraws
 * it; Cy shares S6, which is reported and hidden. Bea and Cy support S1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharesApiTest extends QueryServiceIntegrationTest {

    private static final UUID OWL = UUID.randomUUID();
    private static final UUID BEA = UUID.randomUUID();
    private static final UUID CY = UUID.randomUUID();
    private static final UUID DAN = UUID.randomUUID();
    /** A third member of C, so that an anonymous share there has an author to hide among. */
    private static final UUID EVE = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();
    private static final UUID J0 = UUID.randomUUID();
    private static final UUID JA = UUID.randomUUID();
    private static final UUID J1 = UUID.randomUUID();
    private static final UUID J2 = UUID.randomUUID();
    private static final UUID J3 = UUID.randomUUID();
    private static final UUID J4 = UUID.randomUUID();
    private static final UUID S1 = UUID.randomUUID();
    private static final UUID S2 = UUID.randomUUID();
    private static final UUID S3 = UUID.randomUUID();
    private static final UUID S4 = UUID.randomUUID();
    private static final UUID S5 = UUID.randomUUID();
    private static final UUID S6 = UUID.randomUUID();
    private static final Set<String> ITEM_FIELDS = Set.of("shareId", "outcome", "category", "stageReached", "sting",
            "decidedWeek", "sharedWeek", "story", "anonymous", "author", "audience", "challengeId", "support",
            "supportedByMe", "mine", "ghostResume");

    private final UUID beasAttempt = UUID.randomUUID();
    private List<EventEnvelope> copies;

    @BeforeAll
    void publishStory() {
        List<EventEnvelope> published = new ArrayList<>();
        published.add(publishAt(new SeekerRegistered(OWL, "nightowl42", "Night Owl", ZoneId.of("UTC")),
                "2025-10-01T09:00:00Z"));
        published.add(publishAt(new SeekerRegistered(BEA, "bea", "Bea", ZoneId.of("UTC")), "2025-10-01T09:00:00Z"));
        published.add(publishAt(new SeekerRegistered(CY, "cy", "Cy", ZoneId.of("UTC")), "2025-10-01T09:00:00Z"));
        published.add(publishAt(new SeekerRegistered(DAN, "dan", "Dan", ZoneId.of("UTC")), "2025-10-01T09:00:00Z"));
        published.add(publishAt(new ChallengeJoined(C, OWL, date("2026-01-01")), "2026-01-01T09:00:00Z"));
        published.add(publishAt(new ChallengeJoined(C, BEA, date("2026-01-01")), "2026-01-01T09:00:00Z"));
        published.add(publishAt(new ChallengeJoined(C, DAN, date("2026-01-01")), "2026-01-01T09:00:00Z"));
        published.add(publishAt(new ChallengeLeft(C, DAN, date("2026-01-02")), "2026-01-02T09:00:00Z"));
        published.add(publishAt(new SeekerRegistered(EVE, "eve", "Eve", ZoneId.of("UTC")), "2025-10-01T09:00:00Z"));
        published.add(publishAt(new ChallengeJoined(C, EVE, date("2026-01-01")), "2026-01-01T09:00:00Z"));
        attempt(published, J0, "2025-10-01", 'R', "2025-11-01");
        attempt(published, JA, "2025-10-02", 'A', "2025-12-01");
        attempt(published, J1, "2026-01-01", 'R', "2026-01-10");
        attempt(published, J2, "2026-01-02", 'G', "2026-01-20");
        attempt(published, J3, "2026-01-03", 'R', "2026-02-01");
        attempt(published, J4, "2026-01-04", 'A', "2026-02-15");
        awaitAll(published);

        // one at a time, so that the feed positions follow this order
        EventEnvelope firstShare = share(S1, OWL, J3, AttemptStatus.REJECTED, "2026-02-01", "2026-02-02", false,
                ShareAudience.PUBLIC, null);
        share(S2, OWL, J1, AttemptStatus.REJECTED, "2026-01-10", "2026-01-13", true, ShareAudience.PUBLIC, null);
        share(S3, OWL, J4, AttemptStatus.ACCEPTED, "2026-02-15", "2026-02-18", true, ShareAudience.PUBLIC, null);
        share(S4, OWL, J2, AttemptStatus.GHOSTED, "2026-01-20", "2026-01-21", true, ShareAudience.CHALLENGE, C);
        share(S5, BEA, beasAttempt, AttemptStatus.REJECTED, "2026-02-20", "2026-02-21", false, ShareAudience.PUBLIC,
                null);
        share(S6, CY, UUID.randomUUID(), AttemptStatus.REJECTED, "2026-02-22", "2026-02-23", false,
                ShareAudience.PUBLIC, null);

        List<EventEnvelope> later = new ArrayList<>();
        EventEnvelope hug = publishAt(new SupportOffered(S1, BEA, SupportKind.HUG, "Hugs", date("2026-02-03")),
                "2026-02-03T09:00:00Z");
        later.add(hug);
        later.add(publishAt(new SupportOffered(S1, BEA, SupportKind.ME_TOO, null, date("2026-02-03")),
                "2026-02-03T09:01:00Z"));
        later.add(publishAt(new SupportOffered(S1, CY, SupportKind.HUG, "Hang in there", date("2026-02-03")),
                "2026-02-03T09:02:00Z"));
        later.add(publishAt(new SupportOffered(S1, CY, SupportKind.YOU_GOT_THIS, "Go", date("2026-02-03")),
                "2026-02-03T09:03:00Z"));
        later.add(publishAt(new SupportWithdrawn(S1, CY, SupportKind.YOU_GOT_THIS, date("2026-02-03")),
                "2026-02-03T09:04:00Z"));
        later.add(publishAt(new SupportOffered(S5, CY, SupportKind.PROUD, "Proud of you", date("2026-02-22")),
                "2026-02-22T09:00:00Z"));
        later.add(publishAt(new ShareWithdrawn(S5, BEA, date("2026-02-23")), "2026-02-23T09:00:00Z"));
        later.add(publishAt(new ShareReported(S6, BEA, "spam", date("2026-02-24")), "2026-02-24T09:00:00Z"));
        later.add(publishAt(new ShareHidden(S6, OWL, 2, date("2026-02-24")), "2026-02-24T09:01:00Z"));
        awaitAll(later);

        // copies of applied events under a new event id at their own positions: redeliveries by their position,
        // so they reach no projection (YOU_GOT_THIS would come back, S1 would move up)
        EventEnvelope withdrawnSupport = later.get(3);
        copies = List.of(copy(withdrawnSupport), copy(firstShare));
        events().publish(copies);
        // redeliveries of applied events change nothing: no second hug, no new feed position
        events().publish(hug, firstShare);
        awaitAll(List.of(publishAt(new ShareReported(S1, DAN, "marker", date("2026-02-25")), "2026-02-25T09:00:00Z"),
                publishAt(new ShareReported(S2, DAN, "marker", date("2026-02-25")), "2026-02-25T09:00:00Z")));
    }

    /**
     * A share's events travel on the share's partition, a supporter's registration on the supporter's: the
     * support is dated by the day it names, never by a time zone that may not have arrived yet. Last, as it adds
     * support to S1.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aSupportIsDatedByItsOwnDayBeforeTheSupportersRegistrationArrives() {
        UUID kiwi = UUID.randomUUID();
        // 11:30 UTC on 3 March is 00:30 on 4 March in Auckland, where Kiwi lives
        awaitAll(List.of(publishAt(new SupportOffered(S1, kiwi, SupportKind.HUG, null, date("2026-03-04")),
                "2026-03-03T11:30:00Z")));
        awaitAll(List.of(publishAt(new SeekerRegistered(kiwi, "kiwi", "Kiwi", ZoneId.of("Pacific/Auckland")),
                "2026-03-01T09:00:00Z")));

        JsonNode items = api().get("/api/me/timeline", tokens().tokenFor(kiwi)).body().get("items");
        assertThat(items).anySatisfy(item -> {
            assertThat(item.get("type").asString()).isEqualTo("SupportOffered");
            assertThat(item.get("date").asString()).isEqualTo("2026-03-04");
        });
    }

    @Test
    @Order(1)
    void thePublicFeedListsActiveVisiblePublicSharesNewestFirstWithSupportAndAuthor() {
        Response response = api().get("/api/feed", tokens().tokenFor(BEA));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode items = response.body().get("items");
        assertThat(shareIds(items)).containsExactly(S3, S2, S1);
        assertThat(response.body().get("nextCursor").isNull()).isTrue();

        JsonNode s1 = items.get(2);
        assertThat(s1.toString()).isEqualTo("{\"shareId\":\"" + S1 + "\",\"outcome\":\"REJECTED\",\"category\":\"JOB\","
                + "\"stageReached\":\"final round\",\"sting\":3,\"decidedWeek\":\"2026-01-26\",\"sharedWeek\":\"2026-02-02\","
                + "\"story\":\"story of " + S1 + "\",\"anonymous\":false,\"author\":{\"handle\":\"nightowl42\","
                + "\"displayName\":\"Night Owl\"},\"audience\":\"PUBLIC\",\"challengeId\":null,"
                + "\"support\":{\"ME_TOO\":1,\"HUG\":2,\"YOU_GOT_THIS\":0,\"PROUD\":0},"
                + "\"supportedByMe\":[\"ME_TOO\",\"HUG\"],\"mine\":false,\"ghostResume\":null}");

        // anonymous: not even the counts behind the acceptance, which could match its author's public ghost résumé
        JsonNode s3 = items.get(0);
        assertThat(s3.get("ghostResume").isNull()).isTrue();
        assertThat(s3.get("author").isNull()).isTrue();
        assertThat(api().get("/api/shares/" + S3, tokens().tokenFor(BEA)).body().get("ghostResume").isNull())
                .isTrue();
        // its author still sees them, and when they began
        String sinceTheFifth = "{\"rejections\":2,\"ghostings\":1,\"since\":\"2026-01-05\"}";
        assertThat(api().get("/api/me/shares", tokens().tokenFor(OWL)).body().get("items").get(1).get("ghostResume")
                .toString()).isEqualTo(sinceTheFifth);
        assertThat(api().get("/api/shares/" + S3, tokens().tokenFor(OWL)).body().get("ghostResume").toString())
                .isEqualTo(sinceTheFifth);

        JsonNode seenByAuthor = api().get("/api/feed", tokens().tokenFor(OWL)).body().get("items");
        assertThat(seenByAuthor.get(0).get("mine").asBoolean()).isTrue();
        assertThat(seenByAuthor.get(2).get("supportedByMe")).isEmpty();
        JsonNode seenByCy = api().get("/api/feed", tokens().tokenFor(CY)).body().get("items");
        assertThat(seenByCy.get(2).get("supportedByMe").toString()).isEqualTo("[\"HUG\"]");
        assertThat(seenByCy.get(2).get("mine").asBoolean()).isFalse();
    }

    @Test
    @Order(1)
    void theFeedPagesByPosition() {
        String token = tokens().tokenFor(CY);
        Response first = api().get("/api/feed?limit=2", token);
        assertThat(shareIds(first.body().get("items"))).containsExactly(S3, S2);
        Response second = api().get("/api/feed?limit=2&cursor=" + first.body().get("nextCursor").asString(), token);
        assertThat(shareIds(second.body().get("items"))).containsExactly(S1);
        assertThat(second.body().get("nextCursor").isNull()).isTrue();
        assertThat(api().get("/api/feed?cursor=garbage", token).status()).isEqualTo(400);
        assertThat(api().get("/api/feed?limit=101", token).status()).isEqualTo(400);
        assertThat(api().get("/api/feed", null).status()).isEqualTo(401);
    }

    @Test
    @Order(1)
    void theChallengeFeedIsForCurrentMembersOnly() {
        Response response = api().get("/api/challenges/" + C + "/feed", tokens().tokenFor(BEA));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode items = response.body().get("items");
        assertThat(shareIds(items)).containsExactly(S4);
        assertThat(items.get(0).get("challengeId").asString()).isEqualTo(C.toString());
        assertThat(items.get(0).get("audience").asString()).isEqualTo("CHALLENGE");
        // anonymous in a challenge: no weeks to hold against the challenge's weekly table
        assertThat(items.get(0).get("decidedWeek").isNull()).isTrue();
        assertThat(items.get(0).get("sharedWeek").isNull()).isTrue();
        assertThat(api().get("/api/challenges/" + C + "/feed", tokens().tokenFor(OWL)).body().get("items").get(0)
                .get("decidedWeek").asString()).isEqualTo("2026-01-19");

        for (UUID outsider : List.of(CY, DAN)) {
            assertNotFound(api().get("/api/challenges/" + C + "/feed", tokens().tokenFor(outsider)),
                    "No challenge " + C + ".");
        }
        UUID unknown = UUID.randomUUID();
        assertNotFound(api().get("/api/challenges/" + unknown + "/feed", tokens().tokenFor(BEA)),
                "No challenge " + unknown + ".");
        assertNotFound(api().get("/api/challenges/nope/feed", tokens().tokenFor(BEA)), "No challenge nope.");
        assertThat(api().get("/api/challenges/" + C + "/feed", null).status()).isEqualTo(401);
    }

    @Test
    @Order(1)
    void aShareIsVisibleToWhoeverMaySeeItInAFeedAndToItsAuthorWithTheSupportMessages() {
        Response s1 = api().get("/api/shares/" + S1, tokens().tokenFor(DAN));
        assertThat(s1.status()).as(s1.toString()).isEqualTo(200);
        assertThat(s1.body().get("messages").toString()).isEqualTo("[{\"kind\":\"HUG\",\"message\":\"Hugs\"},"
                + "{\"kind\":\"HUG\",\"message\":\"Hang in there\"}]");
        assertThat(s1.body().has("hidden")).isFalse();
        assertThat(s1.body().has("attemptId")).isFalse();
        assertThat(s1.body().toString()).doesNotContain(BEA.toString(), CY.toString(), "\"bea\"", "\"cy\"");

        assertThat(api().get("/api/shares/" + S4, tokens().tokenFor(BEA)).status()).isEqualTo(200);
        assertNotFound(api().get("/api/shares/" + S4, tokens().tokenFor(CY)), "No share " + S4 + ".");
        assertNotFound(api().get("/api/shares/" + S4, tokens().tokenFor(DAN)), "No share " + S4 + ".");
        assertThat(api().get("/api/shares/" + S4, tokens().tokenFor(OWL)).body().get("mine").asBoolean()).isTrue();

        // hidden: only its author still sees it
        JsonNode hidden = api().get("/api/shares/" + S6, tokens().tokenFor(CY)).body();
        assertThat(hidden.get("hidden").asBoolean()).isTrue();
        assertNotFound(api().get("/api/shares/" + S6, tokens().tokenFor(BEA)), "No share " + S6 + ".");
        // withdrawn: nobody
        for (UUID reader : List.of(BEA, CY)) {
            assertNotFound(api().get("/api/shares/" + S5, tokens().tokenFor(reader)), "No share " + S5 + ".");
        }
        assertNotFound(api().get("/api/shares/" + UUID.randomUUID(), tokens().tokenFor(BEA)), null);
        assertNotFound(api().get("/api/shares/nope", tokens().tokenFor(BEA)), "No share nope.");
    }

    @Test
    @Order(1)
    void authorsSeeTheirOwnActiveSharesHiddenOnesIncluded() {
        JsonNode own = api().get("/api/me/shares", tokens().tokenFor(OWL)).body().get("items");
        assertThat(shareIds(own)).containsExactly(S4, S3, S2, S1);
        assertThat(own.get(0).get("attemptId").asString()).isEqualTo(J2.toString());
        assertThat(own.get(0).get("challengeId").asString()).isEqualTo(C.toString());
        assertThat(own.get(0).get("hidden").asBoolean()).isFalse();
        assertThat(own.get(0).get("author").isNull()).isTrue();
        assertThat(own.get(3).get("support").get("HUG").asLong()).isEqualTo(2);
        assertThat(own).allSatisfy(item -> assertThat(item.get("mine").asBoolean()).isTrue());

        JsonNode cys = api().get("/api/me/shares", tokens().tokenFor(CY)).body().get("items");
        assertThat(shareIds(cys)).containsExactly(S6);
        assertThat(cys.get(0).get("hidden").asBoolean()).isTrue();
        assertThat(api().get("/api/me/shares", tokens().tokenFor(BEA)).body().get("items")).isEmpty();
        assertThat(api().get("/api/me/shares", tokens().tokenFor(DAN)).body().get("items")).isEmpty();
    }

    @Test
    @Order(1)
    void inAChallengeTooSmallToHideItsAuthorAnAnonymousShareShowsToItsAuthorAlone() {
        awaitAll(List.of(publishAt(new ChallengeLeft(C, EVE, date("2026-02-25")), "2026-02-25T10:00:00Z")));

        assertThat(api().get("/api/challenges/" + C + "/feed", tokens().tokenFor(BEA)).body().get("items")).isEmpty();
        assertNotFound(api().get("/api/shares/" + S4, tokens().tokenFor(BEA)), "No share " + S4 + ".");
        assertThat(shareIds(api().get("/api/challenges/" + C + "/feed", tokens().tokenFor(OWL)).body().get("items")))
                .containsExactly(S4);
        assertThat(api().get("/api/shares/" + S4, tokens().tokenFor(OWL)).status()).isEqualTo(200);

        // three members again: the other members see it again
        awaitAll(List.of(publishAt(new ChallengeJoined(C, EVE, date("2026-02-26")), "2026-02-26T10:00:00Z")));
        assertThat(api().get("/api/shares/" + S4, tokens().tokenFor(BEA)).status()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void anAnonymousShareNeverShowsItsAuthorAnywhere() {
        List<JsonNode> anonymous = new ArrayList<>();
        List<JsonNode> pages = List.of(api().get("/api/feed", tokens().tokenFor(BEA)).body(),
                api().get("/api/challenges/" + C + "/feed", tokens().tokenFor(BEA)).body(),
                api().get("/api/me/shares", tokens().tokenFor(OWL)).body(),
                api().get("/api/feed", tokens().tokenFor(OWL)).body());
        for (JsonNode page : pages) {
            assertThat(page.toString()).doesNotContain(OWL.toString());
            page.get("items").forEach(item -> {
                if (item.get("anonymous").asBoolean()) {
                    anonymous.add(item);
                }
            });
        }
        for (UUID share : List.of(S2, S3, S4)) {
            JsonNode detail = api().get("/api/shares/" + share, tokens().tokenFor(BEA)).body();
            assertThat(detail.get("anonymous").asBoolean()).isTrue();
            anonymous.add(detail);
        }
        assertThat(anonymous).hasSize(11);
        for (JsonNode item : anonymous) {
            String json = item.toString();
            assertThat(json).doesNotContain(OWL.toString(), "nightowl42", "Night Owl", "Target", "Title");
            assertThat(item.get("author").isNull()).isTrue();
            if (!item.get("mine").asBoolean()) {
                assertThat(item.get("ghostResume").isNull()).isTrue();
            }
            // dates only by the week
            assertThat(json).doesNotContain("2026-01-10", "2026-01-13", "2026-02-15", "2026-02-18", "2026-01-20",
                    "2026-01-21");
            if (!item.has("hidden") || item.has("messages")) {
                assertThat(json).doesNotContain(J1.toString(), J2.toString(), J4.toString());
            }
        }
        // two anonymous shares of one author: the same fields, none of them tying the two together
        JsonNode s2 = api().get("/api/feed", tokens().tokenFor(BEA)).body().get("items").get(1);
        JsonNode s3 = api().get("/api/feed", tokens().tokenFor(BEA)).body().get("items").get(0);
        assertThat(Set.copyOf(s2.propertyNames())).isEqualTo(ITEM_FIELDS);
        assertThat(Set.copyOf(s3.propertyNames())).isEqualTo(ITEM_FIELDS);
        for (String field : ITEM_FIELDS) {
            if (s2.get(field).isString() && s2.get(field).asString().length() == 36) {
                assertThat(field).isEqualTo("shareId");
            }
        }
        assertThat(s2.get("shareId")).isNotEqualTo(s3.get("shareId"));
    }

    @Test
    @Order(1)
    void redeliveriesChangeNothing() {
        assertThat(count("SELECT count(*) FROM share_support WHERE share_id = '" + S1 + "'")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM share_support WHERE share_id = '" + S5 + "'")).isZero();
        assertThat(count("SELECT count(*) FROM share")).isEqualTo(6);
    }

    @Test
    @Order(1)
    void copiesOfAppliedEventsUnderANewEventIdAreDroppedByTheJournal() {
        for (EventEnvelope copy : copies) {
            assertThat(count("SELECT count(*) FROM seeker_event WHERE event_id = '" + copy.eventId() + "'"))
                    .as(copy.type()).isZero();
        }
        assertThat(count("SELECT count(*) FROM share_support WHERE share_id = '" + S1 + "' AND kind = 'YOU_GOT_THIS'"))
                .isZero();
        assertThat(shareIds(api().get("/api/feed", tokens().tokenFor(DAN)).body().get("items")))
                .containsExactly(S3, S2, S1);
        assertThat(count("SELECT count(*) FROM dead_letter")).isZero();
    }

    @Test
    @Order(2)
    void sharingAgainAfterAWithdrawalComesBackOnTopWithoutTheOldSupport() {
        share(S5, BEA, beasAttempt, AttemptStatus.REJECTED, "2026-02-20", "2026-03-01", false, ShareAudience.PUBLIC,
                null);
        JsonNode items = api().get("/api/feed", tokens().tokenFor(CY)).body().get("items");
        assertThat(shareIds(items)).containsExactly(S5, S3, S2, S1);
        assertThat(items.get(0).get("support").toString())
                .isEqualTo("{\"ME_TOO\":0,\"HUG\":0,\"YOU_GOT_THIS\":0,\"PROUD\":0}");
        assertThat(items.get(0).get("supportedByMe")).isEmpty();
        assertThat(items.get(0).get("author").get("handle").asString()).isEqualTo("bea");
        assertThat(items.get(0).get("sharedWeek").asString()).isEqualTo("2026-02-23");

        // sharing a hidden share again does not bring it back
        share(S6, CY, UUID.randomUUID(), AttemptStatus.REJECTED, "2026-02-22", "2026-03-02", false,
                ShareAudience.PUBLIC, null);
        assertThat(shareIds(api().get("/api/feed", tokens().tokenFor(BEA)).body().get("items")))
                .containsExactly(S5, S3, S2, S1);

        // withdrawing takes it out of the challenge feed too
        awaitAll(List.of(publishAt(new ShareWithdrawn(S4, OWL, date("2026-03-03")), "2026-03-03T09:00:00Z")));
        assertThat(api().get("/api/challenges/" + C + "/feed", tokens().tokenFor(BEA)).body().get("items"))
                .isEmpty();
        assertThat(shareIds(api().get("/api/me/shares", tokens().tokenFor(OWL)).body().get("items")))
                .containsExactly(S3, S2, S1);
    }

    @Test
    @Order(3)
    void aNamedShareOfAnAcceptanceShowsWhenTheRejectionsBehindItBegan() {
        UUID named = UUID.randomUUID();
        share(named, OWL, JA, AttemptStatus.ACCEPTED, "2025-12-01", "2026-03-04", false, ShareAudience.PUBLIC, null);
        JsonNode item = api().get("/api/shares/" + named, tokens().tokenFor(BEA)).body();
        assertThat(item.get("author").get("handle").asString()).isEqualTo("nightowl42");
        assertThat(item.get("ghostResume").toString())
                .isEqualTo("{\"rejections\":1,\"ghostings\":0,\"since\":\"2025-10-27\"}");
        assertThat(api().get("/api/feed", tokens().tokenFor(BEA)).body().get("items").get(0).get("ghostResume"))
                .isEqualTo(item.get("ghostResume"));
    }

    // --- helpers

    /** The same event at the same position under a new event id, as a publisher retrying with a fresh id would. */
    private static EventEnvelope copy(EventEnvelope event) {
        return EventEnvelope.wrap(UUID.randomUUID(), event.aggregateId(), event.aggregateSequence(),
                event.occurredAt(), event.payload());
    }

    private EventEnvelope share(UUID shareId, UUID author, UUID attemptId, AttemptStatus outcome, String decidedOn,
            String sharedOn, boolean anonymous, ShareAudience audience, UUID challengeId) {
        EventEnvelope shared = publishAt(new RejectionShared(shareId, author, attemptId, outcome, Category.JOB,
                outcome == AttemptStatus.REJECTED ? "final round" : null, outcome == AttemptStatus.REJECTED ? 3 : null,
                date(decidedOn), date(sharedOn), "story of " + shareId, anonymous, audience, challengeId),
                sharedOn + "T12:00:00Z");
        awaitAll(List.of(shared));
        return shared;
    }

    private void attempt(List<EventEnvelope> published, UUID attempt, String sentOn, char outcome,
            String outcomeOn) {
        published.add(publishAt(new AttemptLogged(attempt, OWL, Category.JOB, "Target", "Title", null, date(sentOn),
                null), sentOn + "T09:00:00Z"));
        SeekerEvent answer = switch (outcome) {
            case 'R' -> new RejectionReceived(attempt, OWL, date(outcomeOn), null, null, null);
            case 'A' -> new AcceptanceReceived(attempt, OWL, date(outcomeOn), null);
            default -> new AttemptGhosted(attempt, OWL, date(outcomeOn), false);
        };
        published.add(publishAt(answer, outcomeOn + "T10:00:00Z"));
    }

    private static List<UUID> shareIds(JsonNode items) {
        List<UUID> ids = new ArrayList<>();
        items.forEach(item -> ids.add(UUID.fromString(item.get("shareId").asString())));
        return ids;
    }

    private static void assertNotFound(Response response, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asString()).isEqualTo("https://ghostresume.app/problems/not-found");
        if (detail != null) {
            assertThat(response.body().get("detail").asString()).isEqualTo(detail);
        }
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }
}
