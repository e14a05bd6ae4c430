/**
 * Spreadsheets of attempts brought in: each readable row becomes the command a client would send to log the attempt
 * and record its outcome ({@code ImportAttempt}), so the attempt's rules hold; a row that breaks one is reported with
 * its line and records nothing.
 */
package app.ghostresume.command.imports;
