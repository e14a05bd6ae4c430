/**
 * {@code Idempotency-Key}: a POST retried with the same key gets the first answer and writes nothing; the same
 * key with a different body is refused.
 */
package app.ghostresume.command.platform.idempotency;
