/** The seeker's timeline: every applied event, which also serves as attempt history and de-duplication log. */
package app.ghostresume.query.timeline;
