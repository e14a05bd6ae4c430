package app.ghostresume.security;

import java.time.Clock;

import app.ghostresume.security.web.SuccessIsJson;
import app.ghostresume.security.web.TomcatProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What both services add to their own security configuration ({@code @Import} it): verified bearer tokens are
 * remembered for up to five minutes, never past their expiry; Spring Security observes nothing per filter,
 * authentication or authorization; the bearer token is read without a regular expression
 * ({@link AuthorizationHeaderTokens}); Tomcat's own refusals are problems too ({@link TomcatProblems}); and no
 * successful answer is labelled a problem ({@link SuccessIsJson}). {@code http.server.requests} still times every
 * request; profiles put the per-filter observations (meters looked up and tagged on every request) at about a tenth
 * of a command's CPU and a sixth of a read's, and token verification at about a sixth of each. It also brings the
 * settings both services share ({@code ghost-service.properties}: metrics, traces, the OpenAPI document), which
 * each service's own {@code application.properties} may override.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:ghost-service.properties")
public class ServiceSecurity {

    /** Static, so that it is in place before the service's decoder is created. */
    @Bean
    static RememberVerifiedTokens rememberVerifiedTokens() {
        return new RememberVerifiedTokens(Clock.systemUTC());
    }

    /** Tomcat's own refusals (before any servlet runs) answered as problems, like every other error. */
    @Bean
    static TomcatProblems tomcatProblems() {
        return new TomcatProblems();
    }

    @Bean
    SuccessIsJson successIsJson() {
        return new SuccessIsJson();
    }

    /** Picked up by both services' resource-server configuration in place of the default resolver. */
    @Bean
    AuthorizationHeaderTokens authorizationHeaderTokens() {
        return new AuthorizationHeaderTokens();
    }

    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
