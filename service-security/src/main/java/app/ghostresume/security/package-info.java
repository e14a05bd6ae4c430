/**
 * Bearer-token handling both services share: a token verified once is remembered for up to five minutes, never
 * past its expiry.
 */
package app.ghostresume.security;
