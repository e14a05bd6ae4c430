/**
 * Real infrastructure without Docker: PostgreSQL 17 from zonky's binaries and a single-node KRaft Kafka broker,
 * both in this JVM, plus a launcher that runs the two services against them as separate processes.
 */
package app.ghostresume.stack;
