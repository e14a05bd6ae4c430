/**
 * Bearer-token handling both services share: a token verified once is remembered until it expires.
 */
package app.ghostresume.security;
