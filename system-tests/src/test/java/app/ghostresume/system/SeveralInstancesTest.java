package app.ghostresume.system;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import app.ghostresume.events.EventCodec;
import app.ghostresume.events.EventEnvelope;
import app.ghostresume.stack.ServiceProcess;
import app.ghostresume.stack.testing.HttpApi;
import app.ghostresume.stack.testing.HttpApi.Answer;
import app.ghostresume.system.RunningSystem.Seeker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-service and two query-service instances as separate processes, on one database and one broker.
 * Eight clients log attempts through one command instance and reject them through the other; some attempts are
 * left waiting with a follow-up reminder due at once, a deadline which whichever instance polls first fires. A third of the way in, the
 * instance that holds the publisher's claim is killed (SIGKILL); the clients carry on against the survivor,
 * which takes over publishing. Afterwards the topic holds every aggregate's events in sequence, and the read
 * models hold exactly the events of the event store, event by event.
 */
class SeveralInstancesTest {

    private static final RunningSystem system = RunningSystem.get();
    private static final Duration CATCH_UP = Duration.ofSeconds(180);
    private static final int CLIENTS = 8;
    private static final int ATTEMPTS_PER_CLIENT = 140;

    @Test
    void twoInstancesOfEachServiceWithThePublisherKilledMidStreamKeepEveryAggregateInOrderAndLoseNothing()
            throws Exception {
        ServiceProcess secondCommands = system.stack.anotherCommandService("command-service-2");
        ServiceProcess secondQueries = system.stack.anotherQueryService("query-service-2");
        secondCommands.start();
        secondQueries.start();
        ServiceProcess killed = null;
        try {
            secondCommands.awaitReady(Duration.ofSeconds(120));
            secondQueries.awaitReady(Duration.ofSeconds(120));
            system.awaitConsumerGroupSettled(2);
            List<ServiceProcess> commandInstances = List.of(system.stack.commandService(), secondCommands);
            Stream stream = new Stream(commandInstances);
            stream.start();
            stream.awaitIssued(CLIENTS * ATTEMPTS_PER_CLIENT * 2 / 3);
            killed = publisherOwner(commandInstances);
            stream.kill(commandInstances.indexOf(killed));
            stream.finish();

            assertThat(stream.answeredByEach[0].get()).as("commands answered by the first instance").isPositive();
            assertThat(stream.answeredByEach[1].get()).as("commands answered by the second instance").isPositive();
            assertRemindedExactlyOnce(stream.leftWaiting);
            awaitNoDeadlineDue();
            for (Seeker seeker : stream.seekers) {
                assertReadModelsHoldTheEventStore(seeker);
            }
            assertThat(system.querySideCount("SELECT count(*) FROM held_event")).as("events held for a gap").isZero();
            assertEveryAggregateInSequenceOnTheTopic();
        }
        finally {
            secondQueries.stop();
            secondCommands.stop();
            if (!system.stack.commandService().isAlive()) {
                system.stack.commandService().start().awaitReady(Duration.ofSeconds(120));
            }
            system.awaitConsumerGroupSettled(1);
        }
    }

    /** Waits until every deadline already due has fired, so that the event store holds still. */
    private static void awaitNoDeadlineDue() {
        long due = -1;
        for (int i = 0; i < CATCH_UP.toMillis() / 200 && due != 0; i++) {
            due = system.commandSideCount("SELECT count(*) FROM scheduled_tasks WHERE execution_time <= now()");
            RunningSystem.sleep(200);
        }
        assertThat(due).as("deadlines due and not fired").isZero();
    }

    /** The command instance whose publisher holds the claim on the event stream. */
    private static ServiceProcess publisherOwner(List<ServiceProcess> instances) {
        for (int i = 0; i < 100; i++) {
            List<String> owners = system.commandSide(
                    "SELECT owner FROM token_entry WHERE processor_name = 'kafka-publisher' AND owner IS NOT NULL");
            for (ServiceProcess instance : instances) {
                if (owners.stream().anyMatch(owner -> owner.startsWith(instance.pid() + "@"))) {
                    return instance;
                }
            }
            RunningSystem.sleep(100);
        }
        throw new AssertionError("no command instance holds the publisher's claim");
    }

    /** Every event the store holds for the seeker is in the journal once; board and positions agree with it. */
    private static void assertReadModelsHoldTheEventStore(Seeker seeker) {
        String owned = "%\"seekerId\":\"" + seeker.id() + "\"%";
        system.assertJournalHolds(seeker, system.storedEventIdsOf(seeker), CATCH_UP);

        List<String> storedPositions = system.commandSide("""
                SELECT aggregate_identifier || ' ' || max(sequence_number) FROM domain_event_entry
                WHERE aggregate_identifier = ? OR convert_from(payload, 'UTF8') LIKE ?
                GROUP BY aggregate_identifier
                """, seeker.id().toString(), owned).stream().sorted().toList();
        assertThat(system.querySide("""
                SELECT position.aggregate_id || ' ' || position.last_sequence FROM aggregate_position position
                WHERE position.aggregate_id IN (SELECT aggregate_id FROM seeker_event WHERE seeker_id = ?)
                """, seeker.id()).stream().sorted().toList()).as("positions of " + seeker.handle())
                .isEqualTo(storedPositions);

        List<String> storedStatuses = system.commandSide("""
                SELECT logged.aggregate_identifier || ' ' || CASE
                    WHEN EXISTS (SELECT 1 FROM domain_event_entry later
                                 WHERE later.aggregate_identifier = logged.aggregate_identifier
                                   AND later.payload_type LIKE '%RejectionReceived') THEN 'REJECTED'
                    ELSE 'WAITING' END
                FROM domain_event_entry logged
                WHERE logged.payload_type LIKE '%AttemptLogged' AND convert_from(logged.payload, 'UTF8') LIKE ?
                """, owned).stream().sorted().toList();
        assertThat(system.querySide("SELECT attempt_id::text || ' ' || status FROM attempt_board WHERE seeker_id = ?",
                seeker.id()).stream().sorted().toList()).as("board of " + seeker.handle()).isEqualTo(storedStatuses);
        assertThat(system.querySideCount("""
                SELECT count(*) FROM attempt_board WHERE seeker_id = ? AND reminder_due_on IS NOT NULL
                """, seeker.id())).as("open reminders of " + seeker.handle()).isEqualTo(system.commandSideCount("""
                SELECT count(*) FROM domain_event_entry
                WHERE payload_type LIKE '%FollowUpDue' AND convert_from(payload, 'UTF8') LIKE ?
                """, owned));
    }

    /** Each attempt whose follow-up fell due gets one reminder, from whichever instance fired it. */
    private static void assertRemindedExactlyOnce(Set<String> attempts) {
        assertThat(attempts).isNotEmpty();
        for (String attempt : attempts) {
            RunningSystem.awaitCount("reminders of " + attempt, () -> system.commandSideCount("""
                    SELECT count(*) FROM domain_event_entry
                    WHERE aggregate_identifier = ? AND payload_type LIKE '%FollowUpDue'
                    """, attempt), 1, CATCH_UP);
            RunningSystem.awaitCount("reminder of " + attempt + " on the board", () -> system.querySideCount("""
                    SELECT count(*) FROM attempt_board
                    WHERE attempt_id = CAST(? AS uuid) AND reminder_due_on IS NOT NULL
                    """, attempt), 1, CATCH_UP);
        }
    }

    /**
     * Reads the whole topic: no event may come before an earlier one of its aggregate (a redelivery of one
     * already sent is allowed, and dropped by the consumers).
     */
    private static void assertEveryAggregateInSequenceOnTheTopic() {
        EventCodec codec = new EventCodec();
        Map<String, Long> highest = new HashMap<>();
        List<String> outOfOrder = new ArrayList<>();
        long expected = system.commandSideCount("SELECT count(*) FROM domain_event_entry");
        long distinct = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("seeker-events").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    EventEnvelope event = codec.decode(record.value()).orElseThrow();
                    long before = highest.getOrDefault(event.aggregateId(), -1L);
                    if (event.aggregateSequence() > before + 1) {
                        outOfOrder.add(event.type() + " " + event.aggregateSequence() + " of "
                                + event.aggregateId() + " after " + before);
                    }
                    if (event.aggregateSequence() == before + 1) {
                        distinct++;
                    }
                    highest.merge(event.aggregateId(), event.aggregateSequence(), Math::max);
                }
            }
        }
        assertThat(outOfOrder).as("events published ahead of an earlier one of their aggregate").isEmpty();
        assertThat(distinct).as("events on the topic, each counted once").isEqualTo(expected);
    }

    /**
     * The clients. Client c logs attempt i through instance (c + i) % 2 and rejects it through the other one;
     * every seventh attempt was sent a follow-up window (7 days) ago, so its reminder is due at once, and is left
     * waiting. A client whose instance
     * is gone goes on with the survivor: a command cut off by the kill may or may not have been accepted, so
     * a cut-off attempt is forgotten (the event store, not the client, is the truth checked) and a cut-off
     * rejection is sent again.
     */
    private static final class Stream {

        private final List<Seeker> seekers = new ArrayList<>();
        private final List<HttpApi> instances = new ArrayList<>();
        private final AtomicInteger issued = new AtomicInteger();
        private final AtomicInteger[] answeredByEach = { new AtomicInteger(), new AtomicInteger() };
        private final Set<String> leftWaiting = ConcurrentHashMap.newKeySet();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private final List<Thread> clients = new ArrayList<>();
        private final List<ServiceProcess> processes;
        private volatile int dead = -1;

        Stream(List<ServiceProcess> processes) {
            this.processes = processes;
            processes.forEach(process -> instances.add(new HttpApi(process.baseUrl())));
            for (int c = 0; c < CLIENTS; c++) {
                seekers.add(system.newSeeker("pair-" + c, "UTC"));
                int client = c;
                Thread thread = new Thread(() -> run(client), "several-instances-client-" + c);
                thread.setUncaughtExceptionHandler((failed, failure) -> failures.add(failure));
                clients.add(thread);
            }
        }

        void start() {
            clients.forEach(Thread::start);
        }

        void kill(int instance) {
            dead = instance;
            processes.get(instance).kill();
        }

        void awaitIssued(int count) {
            RunningSystem.awaitIssued(issued::get, count, Duration.ofMinutes(3));
        }

        void finish() throws InterruptedException {
            RunningSystem.joinAll(clients);
            assertThat(failures).as("failures of the clients").isEmpty();
        }

        private void run(int client) {
            Seeker seeker = seekers.get(client);
            for (int n = 0; n < ATTEMPTS_PER_CLIENT; n++) {
                int i = n;
                int first = (client + i) % 2;
                boolean leftWaiting = i % 7 == 0;
                Map<String, Object> attempt = Map.of("category", "PITCH", "target", "Outlet " + i, "title",
                        "Pitch " + i, "sentOn", seeker.today().minusDays(leftWaiting ? 7 : 20).toString());
                Answer logged = send(first, instance -> instance.post("/api/attempts", attempt).token(seeker.token())
                        .header("Idempotency-Key", "attempt-" + client + "-" + i), false);
                issued.incrementAndGet();
                if (logged == null) {
                    continue;
                }
                assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
                String attemptId = logged.body().get("attemptId").asString();
                if (leftWaiting) {
                    this.leftWaiting.add(attemptId);
                    continue;
                }
                Answer rejected = send(1 - first, instance -> instance.post("/api/attempts/" + attemptId
                        + "/rejection", Map.of("sting", 1 + i % 5)).token(seeker.token()), true);
                issued.incrementAndGet();
                assertThat(rejected.status()).as(rejected.toString()).isIn(200, 409);
            }
        }

        /**
         * Sends through the given instance, or the survivor once it is dead. A command cut off by the kill is
         * sent again to the survivor when {@code again}, else forgotten ({@code null}).
         */
        private Answer send(int preferred, Function<HttpApi, HttpApi.Call> call, boolean again) {
            int instance = preferred == dead ? 1 - preferred : preferred;
            try {
                Answer answer = call.apply(instances.get(instance)).send();
                answeredByEach[instance].incrementAndGet();
                return answer;
            }
            catch (UncheckedIOException cutOff) {
                if (!again) {
                    return null;
                }
                Answer answer = call.apply(instances.get(1 - instance)).send();
                answeredByEach[1 - instance].incrementAndGet();
                return answer;
            }
        }
    }
}
