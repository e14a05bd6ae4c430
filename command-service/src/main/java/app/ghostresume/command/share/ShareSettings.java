package app.ghostresume.command.share;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param reportsCountAfter how old an account must be for its reports to count toward hiding a share */
@ConfigurationProperties("ghost.shares")
record ShareSettings(@DefaultValue("PT24H") Duration reportsCountAfter) {
}
