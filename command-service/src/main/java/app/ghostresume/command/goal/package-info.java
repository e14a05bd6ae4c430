/** Goals a seeker sets themselves: the aggregate that guards their rules, its commands and its HTTP endpoints. */
package app.ghostresume.command.goal;
