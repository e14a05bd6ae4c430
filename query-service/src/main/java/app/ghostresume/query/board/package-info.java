/** The attempt board: every attempt of a seeker as it stands now, listed newest first, with its history. */
package app.ghostresume.query.board;
