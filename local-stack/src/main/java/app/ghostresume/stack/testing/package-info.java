/** Small clients for tests that drive the real services: HTTP with JSON, and reading a Kafka topic whole. */
package app.ghostresume.stack.testing;
