package app.ghostresume.system;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app in a real browser (headless Chromium), against the started system: two people's first evening with
 * it, every page they see screenshot and checked for accessibility, and what their browsers hold checked for
 * tokens. Skipped, saying why, where no Chromium is installed.
 */
class WebAppBrowserTest {

    /** A JWT's start: the base64 of {@code {"}}. No token may ever reach the browser. */
    static final Pattern TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}");

    private static String web;
    private static Browser nora;
    private static Browser sam;

    @BeforeAll
    static void browsers() {
        if (!Browser.available()) {
            System.out.println(Browser.unavailableMessage());
        }
        Assumptions.assumeTrue(Browser.available(), Browser::unavailableMessage);
        web = RunningSystem.get().webUrl();
        nora = new Browser(web, "nora");
        sam = new Browser(web, "sam");
    }

    @AfterAll
    static void closeBrowsers() {
        for (Browser browser : new Browser[] { nora, sam }) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    void aNewSeekerCollectsRejectionsWithAGroupAndSeesTheirGhostResume() {
        String noraHandle = "nora-" + UUID.randomUUID().toString().substring(0, 6);
        String samHandle = "sam-" + UUID.randomUUID().toString().substring(0, 6);

        // signed out, the app asks to sign in; a new seeker signs up
        nora.open("/board").at("Sign in").check("sign-in");
        nora.click(By.linkText("Create an account"));
        nora.at("Create your account").check("sign-up");
        // a password the service refuses: said in words beside the password, the field marked, nothing raw
        nora.type("Sign up", "handle", noraHandle).type("Sign up", "displayName", "Nora")
                .type("Sign up", "password", "short").submit("Sign up");
        nora.shows("form[aria-label='Sign up'] .field .error", "10");
        assertThat(nora.field("Sign up", "password").getDomAttribute("aria-invalid")).isEqualTo("true");
        String refused = nora.on(d -> d.findElement(By.cssSelector("form[aria-label='Sign up'] .field .error")),
                error -> error.findElement(By.xpath("..")).findElement(By.name("password")).getDomAttribute("name"));
        assertThat(refused).isEqualTo("password");
        assertThat(nora.text("main")).doesNotContain("{\"", "problems/");
        nora.check("sign-up-refused");
        signUp(nora, noraHandle, "Nora");
        nora.at("Your board");

        // three asks logged from the quick-entry form, today by default
        logAsk(nora, "PITCH", "The Paris Review", "Essay on rejection");
        logAsk(nora, "PITCH", "Granta", "Short story");
        logAsk(nora, "PITCH", "The Atlantic", "Feature pitch");
        assertThat(nora.driver.findElements(By.cssSelector(".attempt.status-WAITING"))).hasSize(3);

        // two nos (with their sting and feedback) and a yes, each from the buttons on its card
        rejection(nora, "The Paris Review: Essay on rejection", "4", "Not for us");
        rejection(nora, "Granta: Short story", "2", "Loved the voice, not the ending");
        nora.click(By.cssSelector("button[aria-label='Yes — The Atlantic: Feature pitch']"));
        nora.shows(".attempt.status-ACCEPTED", "The Atlantic");
        assertThat(nora.driver.findElements(By.cssSelector(".attempt.status-REJECTED"))).hasSize(2);
        assertThat(nora.text(".attempt.status-REJECTED")).contains("The Paris Review", "Granta");
        nora.check("board");

        // the board's filters
        nora.choose("Filter the board", "status", "REJECTED").submit("Filter the board");
        nora.shows("main", "Granta");
        assertThat(nora.driver.findElements(By.cssSelector(".attempt"))).hasSize(2);
        assertThat(nora.driver.getCurrentUrl()).endsWith("/board?status=REJECTED");

        // a goal of three rejections a week: this week already has two
        nora.nav("Goals", "Goals and streaks");
        nora.choose("New goal", "metric", "REJECTIONS").type("New goal", "target", "3")
                .choose("New goal", "period", "WEEK").submit("New goal");
        nora.shows(".goal-progress", "2/3");
        nora.check("goals");

        nora.nav("Stats", "Stats");
        assertThat(nora.text(".figures")).contains("3\nattempts", "2\nrejections", "1\nacceptances");
        nora.check("stats");

        // a challenge, and its invite link
        nora.nav("Challenges", "Challenges").check("challenges");
        nora.type("Start a challenge", "name", "December of NO").submit("Start a challenge");
        nora.at("December of NO");
        String invite = nora.find("input.invite-link").getDomProperty("value");
        assertThat(invite).startsWith(web + "/challenges/").contains("?code=");
        nora.check("challenge");

        // the first no shared anonymously with everyone, from its page
        nora.nav("Board", "Your board");
        nora.click(By.linkText("The Paris Review: Essay on rejection"));
        nora.at("The Paris Review: Essay on rejection").check("attempt");
        nora.type("Write a reflection", "whatILearned", "Lead with the story")
                .choose("Write a reflection", "wasItPersonal", "NO").submit("Write a reflection");
        nora.shows("main", "Lead with the story");
        nora.type("Share this outcome", "story", "My first no of the month, and it stung");
        assertThat(nora.field("Share this outcome", "anonymous").isSelected()).isTrue();
        nora.submit("Share this outcome");
        nora.at("Feed").shows("main", "My first no of the month");

        // a second seeker follows the invite link: signs up on the way, joins, sends a hug
        sam.open(invite.substring(web.length())).at("Sign in");
        sam.click(By.linkText("Create an account"));
        sam.at("Create your account");
        signUp(sam, samHandle, "Sam");
        sam.at("Join a challenge").check("join");
        sam.submit("Join the challenge");
        sam.at("December of NO").shows("table", "Sam").shows("table", "Nora");
        sam.nav("Feed", "Feed");
        String sharedStory = sharedCard(sam, "My first no of the month", WebElement::getText);
        assertThat(sharedStory)
                .contains("Someone").doesNotContain(noraHandle).doesNotContain("Nora");
        sharedCard(sam, "My first no of the month", card -> {
            card.findElement(By.cssSelector("button[data-kind=HUG]")).click();
            return true;
        });
        sam.shows(".share", "Hug 1");
        assertThat(sam.driver.findElement(By.cssSelector("form[aria-label='Report this share']")).isDisplayed())
                .as("the report form before Report is pressed").isFalse();
        String pressed = sharedCard(sam, "My first no of the month",
                card -> card.findElement(By.cssSelector("button[data-kind=HUG]")).getDomAttribute("aria-pressed"));
        assertThat(pressed).isEqualTo("true");
        sam.check("feed");

        // the first sees the hug, and the shadow behind her acceptance
        nora.open("/feed").at("Feed");
        nora.shows(".share", "Hug 1");
        String ownStory = sharedCard(nora, "My first no of the month", WebElement::getText);
        assertThat(ownStory).contains("Hug 1", "yours");
        nora.nav("Ghost résumé", "Your ghost résumé");
        nora.shows("main", "Behind 1 acceptance stand 2 rejections").shows("main", "The Atlantic: Feature pitch");
        assertThat(nora.driver.findElements(By.cssSelector(".chart svg"))).isNotEmpty();
        nora.check("ghost-resume");
        nora.click(By.xpath("//button[text()='Make it public']"));
        nora.shows("main", web + "/@" + noraHandle);

        // the public page, for anyone: counts per category, no targets
        sam.open("/@" + noraHandle).at("Nora's ghost résumé").shows("main", "Behind 1 acceptance stand 2 rejections");
        assertThat(sam.text("main")).doesNotContain("The Atlantic");
        sam.check("public-ghost-resume");

        nora.nav("Reports", "Reports").check("reports");

        noTokenReachedTheBrowser(nora);
        noTokenReachedTheBrowser(sam);

        // signing out ends the session: the board asks to sign in again
        nora.click(By.xpath("//nav//button[starts-with(text(), 'Sign out')]"));
        nora.at("Sign in");
        nora.open("/board").at("Sign in");

        // signing in again, the handle typed in capitals: her board, under the handle as her account spells it
        signIn(nora, noraHandle.toUpperCase());
        nora.at("Your board").shows("#nav", "@" + noraHandle);

        // the session ends on the server's side (its cookie gone): the next ask leads to sign-in, which works
        // the first time, and back to the board
        nora.driver.manage().deleteCookieNamed("GHOST_SESSION");
        nora.choose("Log an ask", "category", "PITCH").type("Log an ask", "target", "Ploughshares")
                .type("Log an ask", "title", "Poem").submit("Log an ask");
        nora.at("Sign in");
        signIn(nora, noraHandle);
        nora.at("Your board").shows(".attempts", "Granta");
    }

    private static void signUp(Browser browser, String handle, String name) {
        browser.type("Sign up", "handle", handle).type("Sign up", "displayName", name)
                .type("Sign up", "password", "correct horse battery");
        assertThat(browser.field("Sign up", "timeZone").getDomProperty("value")).isNotBlank();
        browser.submit("Sign up");
    }

    private static void signIn(Browser browser, String handle) {
        browser.type("Sign in", "handle", handle).type("Sign in", "password", "correct horse battery")
                .submit("Sign in");
    }

    private static void logAsk(Browser browser, String category, String target, String title) {
        browser.choose("Log an ask", "category", category).type("Log an ask", "target", target)
                .type("Log an ask", "title", title).submit("Log an ask");
        browser.shows(".attempts", target + ": " + title);
    }

    /** Opens the no's form from the attempt's card, rates and explains it, records it. */
    private static void rejection(Browser browser, String attempt, String sting, String feedback) {
        String form = "The no from " + attempt;
        assertThat(browser.driver.findElement(By.cssSelector("form[aria-label='" + form + "']")).isDisplayed())
                .as("the no's form before its button is pressed").isFalse();
        browser.click(By.cssSelector("button[aria-label='No from " + attempt + "']"));
        browser.choose(form, "sting", sting).type(form, "feedback", feedback).submit(form);
        browser.shows(".attempt.status-REJECTED", attempt);
    }

    /** Does {@code action} on the shared outcome telling {@code story}, as found now. */
    private static <T> T sharedCard(Browser browser, String story, Function<WebElement, T> action) {
        browser.shows(".share", story);
        return browser.on(d -> d.findElements(By.cssSelector(".share")).stream()
                .filter(card -> card.getText().contains(story)).findFirst().orElse(null), action);
    }

    /** The session cookie is all the browser holds: HttpOnly, SameSite=Strict, no token in it or anywhere else. */
    private static void noTokenReachedTheBrowser(Browser browser) {
        List<Cookie> cookies = List.copyOf(browser.driver.manage().getCookies());
        assertThat(cookies).extracting(Cookie::getName).containsExactly("GHOST_SESSION");
        Cookie session = cookies.get(0);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getValue()).doesNotContainPattern(TOKEN);
        assertThat(browser.script("return document.cookie")).isEqualTo("");
        String storage = String.valueOf(browser.script(
                "return JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])"));
        assertThat(storage).doesNotContainPattern(TOKEN).doesNotContain("accessToken");
        assertThat(browser.driver.getPageSource()).doesNotContainPattern(TOKEN);
        // every answer the page fetched, read again as the page would: none carries a token
        for (String path : List.of("/session", "/api/me/attempts", "/api/me/ghost-resume", "/api/feed")) {
            String answer = String.valueOf(browser.script(
                    "return fetch(arguments[0], {headers: {Accept: 'application/json'}}).then(r => r.text())", path));
            assertThat(answer).as(path).doesNotContainPattern(TOKEN).doesNotContain("accessToken");
        }
    }
}
