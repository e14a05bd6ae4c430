package app.ghostresume.security.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may read the actuator, the same in both services. Health is open everywhere (load balancers and probes ask
 * without a token, at {@code /actuator/health/**} and, on the service's own port, {@code /livez} and
 * {@code /readyz}). The rest of the actuator ({@code /actuator/prometheus} among it) is for operators: on the
 * service's own port it takes a token with the operator scope; when a management port of its own is configured
 * ({@code management.server.port}, kept off the public network the way operators run one), everything served on
 * that port is open, so that Prometheus scrapes it without a token.
 */
public final class ManagementEndpoints {

    public static final String[] HEALTH = {"/actuator/health", "/actuator/health/**", "/livez", "/readyz"};

    private ManagementEndpoints() {
    }

    /** Adds the rules above before the service's own, which it returns the registry for. */
    public static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            Environment environment, String operatorAuthority) {
        return requests.requestMatchers(HEALTH).permitAll()
                .requestMatchers(onManagementPort(environment)).permitAll()
                .requestMatchers("/actuator", "/actuator/**").hasAuthority(operatorAuthority);
    }

    /** Requests that arrived on a separate management port; none when there is none. */
    static RequestMatcher onManagementPort(Environment environment) {
        Integer managementPort = environment.getProperty("management.server.port", Integer.class);
        Integer serverPort = environment.getProperty("server.port", Integer.class, 8080);
        if (managementPort == null || managementPort <= 0 || managementPort.equals(serverPort)) {
            return request -> false;
        }
        return (HttpServletRequest request) -> request.getLocalPort() == managementPort;
    }
}
