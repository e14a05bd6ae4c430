/**
 * The ghost résumé: behind every acceptance, the rejections and ghostings since the previous acceptance in its
 * category, and in each category the ones still waiting for theirs. Computed from the attempt board when read; a
 * seeker may make theirs public under their handle: then only the counts per category and in total, with no
 * chapters, dates, targets or titles (a dated chapter could be matched to an anonymous share of an acceptance).
 */
package app.ghostresume.query.ghostresume;
