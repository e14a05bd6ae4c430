package app.ghostresume.query.platform;

import java.time.Clock;
import java.util.List;

import app.ghostresume.security.web.AcceptedAnswers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The clock behind "today" (replaced by a fixed one in tests) and the {@link CurrentSeeker} resolver. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Reports also come as CSV or HTML: an Accept that takes no JSON is judged by what the answer is. */
    @Bean
    AcceptedAnswers acceptedAnswers() {
        return AcceptedAnswers.negotiated();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentSeekers());
    }
}
