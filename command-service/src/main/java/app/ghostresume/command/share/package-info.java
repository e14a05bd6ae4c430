/**
 * Shared rejections: a seeker shows how an attempt ended (never its target, title or notes) to everyone or to one
 * challenge's members, others answer with support or report it, enough reports hide it. The aggregate many seekers
 * act on, the handler that creates it from an attempt, and the HTTP endpoints.
 */
package app.ghostresume.command.share;
