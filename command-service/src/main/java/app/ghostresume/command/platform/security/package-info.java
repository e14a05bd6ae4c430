/**
 * Identity: the RS256 key pair (created once and kept in the database, or supplied by configuration), the
 * tokens signed with it, their JWKS, and the resource-server rules every endpoint obeys.
 */
package app.ghostresume.command.platform.security;
