/**
 * Getting stored events onto Kafka: a tracking event processor reads the event store and hands each event to
 * an idempotent producer, keyed by its ordering key (the challenge for a challenge's events, the share for a
 * shared rejection's, the seeker for all others); its token advances only once Kafka has acknowledged the whole
 * batch.
 */
package app.ghostresume.command.platform.publishing;
