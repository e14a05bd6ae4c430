/**
 * Pauses: breaks (holidays, illness...) whose days neither break nor extend a streak. A cancelled pause no longer
 * counts.
 */
package app.ghostresume.query.pause;
