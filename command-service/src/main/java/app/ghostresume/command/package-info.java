/**
 * The write side: HTTP commands become Axon commands, aggregates enforce the rules and emit events, the events
 * are stored in PostgreSQL and published to Kafka.
 */
package app.ghostresume.command;
