/**
 * Getting stored events onto Kafka: a tracking event processor reads the event store and hands each event to
 * an idempotent producer; its token advances only once Kafka has acknowledged the whole batch.
 */
package app.ghostresume.command.platform.publishing;
