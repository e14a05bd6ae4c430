/**
 * Shared rejections and the support they get: the public feed, each challenge's feed for its members, one share, and
 * an author's own shares. Share events travel keyed by the share, apart from the author's attempts, so what joins
 * the two (the ghost résumé behind a shared acceptance, membership of a challenge) is computed when read. An
 * anonymous share never shows anything of its author, nor when the rejections behind a shared acceptance began.
 */
package app.ghostresume.query.share;
