/**
 * Group challenges: members see one another's counts inside the challenge window, per challenge week, and a
 * leaderboard by rejections; never titles, targets, notes or goals. Counts are computed from the attempt board when
 * read, by the facts' own dates, so neither the join date nor the order in which membership and attempt events
 * arrive (they travel on different partitions) changes them.
 */
package app.ghostresume.query.challenge;
