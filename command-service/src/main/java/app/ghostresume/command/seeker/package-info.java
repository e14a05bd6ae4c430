/** Seekers: signing up (an account and a {@code SeekerRegistered} event) and signing in (a JWT). */
package app.ghostresume.command.seeker;
