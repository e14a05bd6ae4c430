/**
 * Seekers: signing up (an account and a {@code SeekerRegistered} event), signing in (a JWT), their pauses and their
 * response windows (and the command side's lookup of those windows and time zones).
 */
package app.ghostresume.command.seeker;
