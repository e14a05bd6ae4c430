package app.ghostresume.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Ghost Résumé web app: serves the pages people use every day and is their backend (the backend-for-frontend
 * of "OAuth 2.0 for Browser-Based Apps"). The browser talks to this one origin and holds only a session cookie;
 * the seeker's access token is kept in the session here and added to each call relayed to the command and query
 * services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
