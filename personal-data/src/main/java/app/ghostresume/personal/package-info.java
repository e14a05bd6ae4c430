/**
 * Crypto-shredding. Each seeker has a key of their own ({@link app.ghostresume.personal.SeekerKeys}), kept apart
 * from the events and never published; every {@link app.ghostresume.events.PersonalData personal field} of their
 * events is sealed with it before it is stored or published ({@link app.ghostresume.personal.Sealing}). Erasing a
 * seeker shreds the key: from then on, wherever the events are (event store, topic, backups, a replay years later),
 * those fields read as {@link app.ghostresume.events.PersonalFields#ERASED}.
 */
package app.ghostresume.personal;
