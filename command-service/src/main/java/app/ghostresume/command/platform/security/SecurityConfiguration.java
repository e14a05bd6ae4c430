package app.ghostresume.command.platform.security;

import java.util.Arrays;
import java.util.Set;

import app.ghostresume.command.platform.ProblemType;
import app.ghostresume.command.platform.web.CurrentSeeker;
import app.ghostresume.command.platform.web.Problems;
import app.ghostresume.security.ServiceSecurity;
import app.ghostresume.security.web.ApiDocument;
import app.ghostresume.security.web.ManagementEndpoints;
import app.ghostresume.security.web.ProtectedResource;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /api/**} endpoint needs a valid token except sign-up and sign-in; the JWKS and health are
 * public. Stateless: no sessions, no cookies, so no CSRF.
 */
@Configuration(proxyBeanMethods = false)
@Import(ServiceSecurity.class)
class SecurityConfiguration {

    /** The OpenAPI document's description of this service (springdoc completes it from the controllers). */
    @Bean
    OpenAPI apiDocument(ProtectedResource resource) {
        return ApiDocument.describe("Ghost Résumé command service", "Commands: accounts and sessions, attempts and "
                + "their outcomes, goals, pauses, settings, challenges, reflections, shares, imports and erasure. "
                + "Errors are application/problem+json (RFC 9457).", "0.1", resource.resource(), CurrentSeeker.class);
    }

    /** Schemas named so that no two records share one ({@link ApiDocument#schemaNames()}). */
    @Bean
    ModelResolver apiSchemaNames() {
        return ApiDocument.schemaNames();
    }

    /** The problems, open operations and idempotency header springdoc cannot see. */
    @Bean
    OpenApiCustomizer apiConventions() {
        return ApiDocument.conventions(Arrays.stream(ProblemType.values()).map(ProblemType::type).toList(),
                Set.of("POST /api/accounts", "POST /api/sessions", "GET /.well-known/jwks.json"),
                new ApiDocument.RequestHeader(
                        PathItem.HttpMethod.POST, "Idempotency-Key", "A retry with the same key and body answers as "
                                + "the first did, and changes nothing more"),
                new ApiDocument.Answer("POST /api/sessions", "401", "Wrong handle or password"));
    }

    /** This service as a protected resource: it is its own token issuer. */
    @Bean
    ProtectedResource protectedResource(SecuritySettings settings) {
        return new ProtectedResource(settings.jwt().issuer(), settings.jwt().issuer());
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json, ProtectedResource resource,
            Environment environment) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, ex) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                    resource.challenge(request.getHeader(HttpHeaders.AUTHORIZATION) != null));
            Problems.write(json, response, Problems.problem(ProblemType.UNAUTHENTICATED, "A valid bearer token is required."));
        };
        return http
                .authorizeHttpRequests(requests -> ManagementEndpoints.authorize(requests, environment,
                                "SCOPE_" + TokenIssuer.OPERATOR_SCOPE)
                        .requestMatchers(HttpMethod.POST, "/api/accounts", "/api/sessions").permitAll()
                        .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json", ProtectedResource.METADATA_PATH)
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, ApiDocument.PATHS).permitAll()
                        .requestMatchers("/api/operator/**").hasAuthority("SCOPE_" + TokenIssuer.OPERATOR_SCOPE)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> { })
                        .protectedResourceMetadata(metadata -> metadata
                                .protectedResourceMetadataCustomizer(resource.metadata()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, ex) -> Problems.write(json, response,
                                Problems.problem(ProblemType.FORBIDDEN,
                                        "This token does not allow that."))))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Verifies bearer tokens against the service's own public key. */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, SecuritySettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.publicKey()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.jwt().issuer())));
        return decoder;
    }
}
