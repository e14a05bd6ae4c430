/**
 * Generations of the read models: each a complete set of every read model in a PostgreSQL schema of its own, filled
 * by a consumer group of its own from the start of the topic. One is live and answers every read; a rebuild builds
 * the next beside it, without downtime, and readers move to it atomically once it has caught up.
 */
package app.ghostresume.query.generation;
