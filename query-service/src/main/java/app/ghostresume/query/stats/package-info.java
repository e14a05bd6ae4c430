/** Rejection, acceptance and response figures over a period, computed from the attempt board at query time. */
package app.ghostresume.query.stats;
