/**
 * The event contract shared by the command and query sides: plain records without framework annotations,
 * each registered with a name and schema version in {@link app.ghostresume.events.EventType}, and the JSON
 * envelope they travel in over Kafka ({@link app.ghostresume.events.EventCodec}).
 */
package app.ghostresume.events;
