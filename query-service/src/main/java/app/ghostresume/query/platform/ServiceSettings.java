package app.ghostresume.query.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param publicUrl where clients reach this service, named in its protected-resource metadata */
@ConfigurationProperties("query")
record ServiceSettings(String publicUrl) {
}
