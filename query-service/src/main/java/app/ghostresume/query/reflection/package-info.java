/**
 * Private reflections on attempts (what happened, what it taught, what next time, whether it felt personal) and the
 * resilience report built from them and the board's rejections. Nobody but their author ever reads them.
 */
package app.ghostresume.query.reflection;
