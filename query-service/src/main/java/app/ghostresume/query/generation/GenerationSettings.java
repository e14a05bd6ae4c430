package app.ghostresume.query.generation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the generations of the read models are kept.
 *
 * @param rebuild         start a rebuild when the service starts, unless one is already running
 *                        ({@code REBUILD_READ_MODELS}): what a release with a changed projection asks for
 * @param follow          how often each instance reads the generations' table and follows it (starts and stops
 *                        consumers, switches, drops)
 * @param progressLog     how often a rebuild's progress is logged
 * @param switchWithin    how many records behind the live generation, in all, a rebuilt one may be when the switch
 *                        is tried; the switch itself then waits until it has reached the live one everywhere
 * @param switchWait      how long the switch may hold the live generation's consumers while the new one catches up
 *                        the last records
 * @param dropAfter       how long a retired or cancelled generation's tables are kept for the reads still on them
 */
@ConfigurationProperties("query.read-models")
record GenerationSettings(@DefaultValue("false") boolean rebuild, @DefaultValue("1s") Duration follow,
        @DefaultValue("5s") Duration progressLog, @DefaultValue("2000") long switchWithin,
        @DefaultValue("3s") Duration switchWait, @DefaultValue("1m") Duration dropAfter) {
}
