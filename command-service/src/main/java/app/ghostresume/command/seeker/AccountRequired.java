package app.ghostresume.command.seeker;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import app.ghostresume.command.platform.web.SignedInSeeker;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A token speaks for a seeker only while that seeker's account exists here: a well-signed token naming anyone
 * else is refused with 401 before any command is taken, so no data can appear for a seeker nobody registered.
 * It runs inside Spring MVC, so a database that cannot be reached answers 503 like everywhere else. The check
 * is {@link SeekerCalendar#zoneOf}, which every command needs anyway and which remembers what it found.
 */
@Component
class AccountRequired implements HandlerInterceptor, WebMvcConfigurer {

    private final SeekerCalendar calendar;

    AccountRequired(SeekerCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**").excludePathPatterns("/api/accounts", "/api/sessions");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        calendar.zoneOf(SignedInSeeker.id());
        return true;
    }
}
