/**
 * Attempts and what came of them: the aggregate that guards their rules and deadlines (follow-up reminders,
 * automatic ghosting), its commands and its HTTP endpoints.
 */
package app.ghostresume.command.attempt;
