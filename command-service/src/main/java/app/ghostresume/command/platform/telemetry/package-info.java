/**
 * What the command service tells operators beyond Spring Boot's own HTTP, JVM and pool meters: the events it
 * stores (by type, and the rejections among them: the product's own pulse), how far publishing to Kafka lags and
 * how long it takes, and the deadlines due and fired; and the trace context each event carries from the command
 * that caused it to its Kafka record. Served at {@code /actuator/prometheus}.
 */
package app.ghostresume.command.platform.telemetry;
