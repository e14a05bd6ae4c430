package app.ghostresume.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser's side of the web app. A seeker is signed in by a server-side session, its cookie HttpOnly and
 * SameSite=Strict (Secure whenever the app is served over TLS); every state-changing request carries the
 * session's CSRF token in {@code X-CSRF-TOKEN}, which the page reads from {@code GET /session} and keeps in
 * memory only. The pages may load scripts and styles from this origin only.
 */
@Configuration
class WebSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, JsonMapper json, SecurityContextRepository contexts)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // a ghost résumé its seeker made public is for anyone with the link
                        .requestMatchers(HttpMethod.GET, "/api/seekers/*/ghost-resume").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> Problems.write(json, request,
                                response, HttpStatus.UNAUTHORIZED, Problems.SIGNED_OUT, "Sign in first."))
                        .accessDeniedHandler((request, response, denied) -> Problems.write(json, request, response,
                                HttpStatus.FORBIDDEN, Problems.CSRF,
                                "This request did not carry the page's CSRF token: reload the page and try again.")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> { });
        return http.build();
    }
}
