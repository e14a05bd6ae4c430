/**
 * The ghost résumé: behind every acceptance, the rejections and ghostings since the previous acceptance in its
 * category, and in each category the ones still waiting for theirs. Computed from the attempt board when read; a
 * seeker may make theirs public (counts, categories and dates only) under their handle.
 */
package app.ghostresume.query.ghostresume;
