package app.ghostresume.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The header is read as Spring Security's default resolver reads it: same token, same refusals. */
class AuthorizationHeaderTokensTest {

    private final BearerTokenResolver tokens = new AuthorizationHeaderTokens();
    private final BearerTokenResolver reference = new DefaultBearerTokenResolver();

    static Stream<String> headers() {
        return Stream.of("Bearer abc.DEF-1_2~3+4/5", "bearer abc", "BEARER abc==", "BeArEr a=", "Bearer a==",
                "Bearer", "Bearer ", "bearer  abc", "Bearer abc ", "Bearer =", "Bearer a=b", "Bearer a b",
                "Bearer abc\n", "Bearer ab\u00e4c", "Bearerabc", "Bearer\tabc", "Basic dXNlcjpwYXNz", "", "Token abc",
                " Bearer abc", "bearer", "bearer-abc", "Bearer ,", "Bearer a.b.c=d");
    }

    @ParameterizedTest
    @MethodSource("headers")
    void readsEachHeaderAsTheDefaultResolverDoes(String header) {
        assertSameAnswer(header);
    }

    @Test
    void noHeaderIsNoToken() {
        assertThat(tokens.resolve(new MockHttpServletRequest("GET", "/api/me/attempts"))).isNull();
    }

    @Test
    void aTokenInTheQueryIsIgnoredAsByDefault() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me/attempts");
        request.setParameter("access_token", "abc");
        request.addHeader("Authorization", "Bearer def");
        assertThat(tokens.resolve(request)).isEqualTo("def").isEqualTo(reference.resolve(request));
    }

    /** Headers made of the characters that matter here, the same answers for each. */
    @Test
    void agreesOnThousandsOfGeneratedHeaders() {
        Random random = new Random(7);
        String alphabet = "bBeEaArR aZ09-._~+/=,\t\u00e4";
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "");
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        headers.forEach(this::assertSameAnswer);
    }

    private void assertSameAnswer(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me/attempts");
        request.addHeader("Authorization", header);
        String expected;
        try {
            expected = reference.resolve(request);
        }
        catch (OAuth2AuthenticationException refused) {
            assertThatThrownBy(() -> tokens.resolve(request)).as(header).isInstanceOf(
                    OAuth2AuthenticationException.class).hasMessage(refused.getMessage());
            return;
        }
        assertThat(tokens.resolve(request)).as(header).isEqualTo(expected);
    }
}
