/**
 * Persistent deadlines (automatic ghosting, follow-up reminders): db-scheduler keeps them in PostgreSQL and fires
 * them into Axon's aggregates, on the service's clock.
 */
package app.ghostresume.command.platform.deadlines;
