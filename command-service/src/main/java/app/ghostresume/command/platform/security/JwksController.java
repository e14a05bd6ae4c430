package app.ghostresume.command.platform.security;

import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public signing key, so any service (ours or not) can verify our tokens. */
@RestController
class JwksController {

    private final Map<String, Object> jwks;

    JwksController(SigningKeys keys) {
        this.jwks = new JWKSet(keys.key().toPublicJWK()).toJSONObject();
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5))).body(jwks);
    }
}
