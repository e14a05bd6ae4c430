/**
 * A seeker's data, taken out: everything the read models hold about the caller as one ZIP of JSON files, with the
 * attempts also as CSV in the import format.
 */
package app.ghostresume.query.export;
