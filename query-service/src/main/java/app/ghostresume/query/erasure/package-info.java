/**
 * Crypto-shredding on the read side. Events come off the topic with their personal fields sealed; each batch is
 * opened with its seekers' keys, read together, fresh (never remembered, so a key shredded is a key gone by the next
 * batch), and what cannot be opened reads as erased ({@link app.ghostresume.query.erasure.SealedFields}). A seeker
 * who erased their account is then dropped or anonymised in every read model, in one place
 * ({@link app.ghostresume.query.erasure.ReadModelErasure}).
 */
package app.ghostresume.query.erasure;
