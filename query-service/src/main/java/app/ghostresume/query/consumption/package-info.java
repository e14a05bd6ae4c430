/** Reads the seeker-events topic and applies each batch, with its offsets, in one PostgreSQL transaction. */
package app.ghostresume.query.consumption;
