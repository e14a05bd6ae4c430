/**
 * How Axon's event store maps onto PostgreSQL: Axon's JDBC storage engine on the tables of migration V1, byte
 * arrays as {@code bytea}, the global index taken from its sequence by each insert (V6); and, for Axon's other
 * JPA entities (tokens), {@code bytea} rather than large objects.
 */
package app.ghostresume.command.platform.eventstore;
