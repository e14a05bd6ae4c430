/** HTTP plumbing shared by every endpoint: RFC 9457 problems, consistency tokens, the acting seeker. */
package app.ghostresume.command.platform.web;
