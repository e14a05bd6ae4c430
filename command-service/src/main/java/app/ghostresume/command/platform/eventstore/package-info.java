/**
 * How Axon's JPA event store maps onto PostgreSQL: byte arrays as {@code bytea} rather than large objects,
 * and a global index sequence handed out 20 values at a time (see {@code META-INF/orm.xml}).
 */
package app.ghostresume.command.platform.eventstore;
