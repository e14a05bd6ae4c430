/** Who the seekers are: handle, display name and the time zone their calendar dates live in. */
package app.ghostresume.query.seeker;
