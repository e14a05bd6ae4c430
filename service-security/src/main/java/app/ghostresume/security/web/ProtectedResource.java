package app.ghostresume.security.web;

import java.util.function.Consumer;

import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;

/**
 * A service as an OAuth 2.0 protected resource (RFC 9728), described from its configured public URL and token
 * issuer, never from the request's {@code Host} header (which anyone can set): the metadata at
 * {@value #METADATA_PATH} and the bearer challenge of a 401. Tokens are bearer tokens in the
 * {@code Authorization} header, not bound to a client certificate.
 */
public final class ProtectedResource {

    public static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    private final String resource;
    private final String issuer;

    public ProtectedResource(String resource, String issuer) {
        this.resource = stripTrailingSlash(resource);
        this.issuer = issuer;
    }

    /** Where clients reach the service. */
    public String resource() {
        return resource;
    }

    /** For {@code oauth2ResourceServer(rs -> rs.protectedResourceMetadata(m -> m.protectedResourceMetadataCustomizer(..)))}. */
    public Consumer<OAuth2ProtectedResourceMetadata.Builder> metadata() {
        return metadata -> metadata.resource(resource)
                .authorizationServers(servers -> {
                    servers.clear();
                    servers.add(issuer);
                })
                .bearerMethods(methods -> {
                    methods.clear();
                    methods.add("header");
                })
                .tlsClientCertificateBoundAccessTokens(false);
    }

    /**
     * The {@code WWW-Authenticate} value of a 401: {@code error="invalid_token"} when a token was presented (RFC
     * 6750), without saying what is wrong with it, and where the metadata is.
     */
    public String challenge(boolean tokenPresented) {
        return "Bearer " + (tokenPresented ? "error=\"invalid_token\", " : "") + "resource_metadata=\"" + resource
                + METADATA_PATH + "\"";
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
