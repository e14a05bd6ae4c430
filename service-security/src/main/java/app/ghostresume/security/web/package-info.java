/**
 * The HTTP edge both services share: how they describe themselves as protected resources, and Tomcat's own
 * refusals answered as problems.
 */
package app.ghostresume.security.web;
