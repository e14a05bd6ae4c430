package app.ghostresume.command.attempt;

import java.time.LocalDate;

/**
 * The payload of an attempt's persisted deadlines ({@code follow-up} and {@code ghosting}). It is stored with the
 * deadline (as JSON, by Axon's event serializer), so renaming this record or its fields orphans deadlines already
 * scheduled.
 *
 * @param on       the date the deadline was set for: the follow-up day, or the last day an answer is in time. A
 *                 deadline whose date is no longer the attempt's is stale and ignored.
 * @param timeZone the seeker's time zone, for "today" when the deadline fires
 */
public record ResponseDeadline(LocalDate on, String timeZone) {
}
