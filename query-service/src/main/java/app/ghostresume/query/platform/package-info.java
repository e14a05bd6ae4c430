/** Cross-cutting web concerns: JWT security, problem details, cursors, the clock. */
package app.ghostresume.query.platform;
