package app.ghostresume.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The app's addresses: each is the one page, which draws the view its path names (so that a link, a bookmark or
 * a reload lands where it points). {@code /@handle} is a seeker's public ghost résumé.
 */
@Controller
class AppPages {

    @GetMapping({"/", "/sign-in", "/sign-up", "/board", "/attempts/{attemptId}", "/stats", "/goals",
            "/challenges", "/challenges/{challengeId}", "/feed", "/ghost-resume", "/reports", "/@{handle}"})
    String page() {
        return "forward:/index.html";
    }
}
