/** The query service: Kafka consumption into read models, one package per read model, cross-cutting in {@code system}. */
package app.ghostresume.query;
