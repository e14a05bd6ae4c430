/**
 * Crypto-shredding on the write side: every event's personal fields are sealed with its seeker's key on their way
 * into the event store ({@link app.ghostresume.command.platform.personaldata.SealingSerializer}) and stay sealed on
 * the topic; aggregates read them opened. Keys: {@link app.ghostresume.personal.SeekerKeys}.
 */
package app.ghostresume.command.platform.personaldata;
