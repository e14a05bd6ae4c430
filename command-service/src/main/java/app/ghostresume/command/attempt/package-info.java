/** Attempts and what came of them: the aggregate that guards their rules, its commands and its HTTP endpoints. */
package app.ghostresume.command.attempt;
