/**
 * Group challenges: the aggregate many seekers share (creating, joining with or without an invite code, leaving),
 * its commands and its HTTP endpoints.
 */
package app.ghostresume.command.challenge;
