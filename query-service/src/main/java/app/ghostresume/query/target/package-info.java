/**
 * Per-target statistics pooled across seekers: attempts grouped by a normalised {@link
 * app.ghostresume.query.target.TargetKey} over the last twelve months, shown only once enough distinct seekers have
 * heard back from the target that no one of them can be singled out.
 */
package app.ghostresume.query.target;
