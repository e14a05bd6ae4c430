package app.ghostresume.command.platform.web;

import java.util.List;
import java.util.UUID;

import app.ghostresume.security.web.AcceptedAnswers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Every answer here is JSON: an Accept that takes none is refused before any command runs. */
    @Bean
    AcceptedAnswers acceptedAnswers() {
        return AcceptedAnswers.onlyJson();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentSeekerResolver());
    }

    /** The seeker is the subject of the validated JWT; a token without a seeker id is not ours. */
    static final class CurrentSeekerResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.hasParameterAnnotation(CurrentSeeker.class)
                    && parameter.getParameterType().equals(UUID.class);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binderFactory) {
            return SignedInSeeker.id();
        }
    }
}
