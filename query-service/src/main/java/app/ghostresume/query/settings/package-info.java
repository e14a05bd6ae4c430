/** A seeker's settings: per category, after how many days a waiting attempt is due a follow-up, and is ghosted. */
package app.ghostresume.query.settings;
