package app.ghostresume.query.platform;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import app.ghostresume.events.ConsistencyToken;
import app.ghostresume.security.ServiceSecurity;
import app.ghostresume.security.web.ApiDocument;
import app.ghostresume.security.web.ManagementEndpoints;
import app.ghostresume.security.web.ProtectedResource;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless bearer-token security: every request but health needs a JWT signed by command-service (checked
 * against its JWK set, issuer included) whose subject is the seeker's id.
 */
@Configuration(proxyBeanMethods = false)
@Import(ServiceSecurity.class)
class SecurityConfiguration {

    /** This service as a protected resource, at its configured public URL, of tokens from the command service. */
    @Bean
    ProtectedResource protectedResource(ServiceSettings settings, OAuth2ResourceServerProperties resourceServer) {
        return new ProtectedResource(settings.publicUrl(), resourceServer.getJwt().getIssuerUri());
    }

    /** The OpenAPI document's description of this service (springdoc completes it from the controllers). */
    @Bean
    OpenAPI apiDocument(ProtectedResource resource) {
        return ApiDocument.describe("Ghost Résumé query service", "Read models and reports: the board, stats, "
                + "timeline, goals and streaks, pauses, settings, reminders, challenges, reflections and resilience, "
                + "feeds, the ghost résumé, target statistics, exports, reports, insights, and the operators' "
                + "read-model generations. Errors are application/problem+json (RFC 9457).", "0.1",
                resource.resource(), CurrentSeeker.class);
    }

    /** Schemas named so that no two records share one ({@link ApiDocument#schemaNames()}). */
    @Bean
    ModelResolver apiSchemaNames() {
        return ApiDocument.schemaNames();
    }

    /**
     * The problems and read-your-writes header springdoc cannot see (every operation here needs a token but a
     * ghost résumé its seeker made public).
     */
    @Bean
    OpenApiCustomizer apiConventions() {
        return ApiDocument.conventions(Arrays.stream(ProblemType.values()).map(ProblemType::type).toList(),
                Set.of("GET /api/seekers/{handle}/ghost-resume"), new ApiDocument.RequestHeader(
                        PathItem.HttpMethod.GET, ConsistencyToken.HEADER, "A token a command answered with: the "
                                + "read waits (up to 5 s) until its event is reflected, then answers; 503 "
                                + "not-yet-consistent after that, 429 too-many-waits beyond 16 waiting reads"),
                new ApiDocument.Answer("GET /api/insights", "404", "No community report has been computed yet"),
                new ApiDocument.Answer("GET /api/me/export", "404", "No such seeker (erased)"));
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json, ProtectedResource resource,
            Environment environment) throws Exception {
        ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint(resource, json);
        http.authorizeHttpRequests(requests -> ManagementEndpoints.authorize(requests, environment, "SCOPE_operator")
                        .requestMatchers("/error", ProtectedResource.METADATA_PATH).permitAll()
                        .requestMatchers(HttpMethod.GET, ApiDocument.PATHS).permitAll()
                        // made public by its seeker: readable by anyone with the link, signed in or not
                        .requestMatchers(HttpMethod.GET, "/api/seekers/*/ghost-resume").permitAll()
                        .requestMatchers("/api/operator/**").hasAuthority("SCOPE_operator")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(Customizer.withDefaults())
                        .protectedResourceMetadata(metadata -> metadata
                                .protectedResourceMetadataCustomizer(resource.metadata()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, denied) -> ProblemResponses.write(json, response,
                                ProblemType.FORBIDDEN, "This token does not allow that.", request.getRequestURI()))
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                // by default an unreachable key set escapes the filter as a 500
                                filter.setAuthenticationFailureHandler(unauthenticated);
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, denied) -> ProblemResponses.write(json, response,
                                ProblemType.FORBIDDEN, "This token does not allow that.", request.getRequestURI())))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** Picked up by Boot's JWT decoder next to the expiry and issuer checks. */
    @Bean
    OAuth2TokenValidator<Jwt> subjectIsASeekerId() {
        return new JwtClaimValidator<String>(JwtClaimNames.SUB, SecurityConfiguration::isUuid);
    }

    private static boolean isUuid(String subject) {
        if (subject == null) {
            return false;
        }
        try {
            return UUID.fromString(subject).toString().equalsIgnoreCase(subject);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
