/** Cross-cutting machinery of the write side: security, event store mapping, Kafka publishing, HTTP plumbing. */
package app.ghostresume.command.platform;
