/**
 * The attempt board: every attempt of a seeker as it stands now, listed newest first, with its history and its
 * open follow-up reminders. Goals, streaks, statistics and challenges count its facts at query time.
 */
package app.ghostresume.query.board;
