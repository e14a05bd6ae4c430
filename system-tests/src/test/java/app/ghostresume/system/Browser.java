package app.ghostresume.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's browser: the system's own headless Chromium driven through Selenium (Selenium Manager never asked
 * to download one), with a cookie jar of its own. Each page it is asked to {@link #check} is kept as a screenshot
 * in {@code target/screenshots} and held to axe-core's WCAG 2.2 A and AA rules: no serious or critical violation.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("ghost.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ghost.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    final ChromeDriver driver;
    private final String baseUrl;
    private final String name;
    private final WebDriverWait wait;

    /** Whether this machine has a Chromium and its driver; the browser tests are skipped, and say so, if not. */
    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static String unavailableMessage() {
        return "Browser tests skipped: no Chromium at " + CHROMIUM + " with its driver at " + CHROMEDRIVER
                + " (install Debian's chromium and chromium-driver, as .ci/run does)";
    }

    Browser(String baseUrl, String name) {
        this.baseUrl = baseUrl;
        this.name = name;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--lang=en-GB", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // the app renders a page again when its data arrives: an element found a moment ago may be gone
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Waits until the page shown is the one titled {@code heading}. */
    Browser at(String heading) {
        wait.withMessage(() -> "page '" + heading + "' never shown; shown: " + text("main"))
                .until(d -> d.findElements(By.cssSelector("main h1")).stream()
                        .anyMatch(h1 -> h1.getText().equals(heading)));
        return this;
    }

    /** Follows a link of the main navigation, as a seeker would. */
    Browser nav(String link, String heading) {
        on(d -> d.findElement(By.cssSelector("#nav")).findElement(By.linkText(link)), a -> {
            a.click();
            return true;
        });
        return at(heading);
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Does {@code action} on what {@code locate} finds, finding it again should the page have been drawn anew
     * between the two.
     */
    <T> T on(Function<ChromeDriver, WebElement> locate, Function<WebElement, T> action) {
        return wait.until(d -> {
            WebElement element = locate.apply(driver);
            return element == null ? null : action.apply(element);
        });
    }

    /** The form named {@code label} (its aria-label), as found now. */
    WebElement form(String label) {
        return find(formCss(label));
    }

    private static String formCss(String label) {
        return "form[aria-label=\"" + label + "\"]";
    }

    /** A control of the form named {@code form}, as found now. */
    WebElement field(String form, String field) {
        return on(d -> d.findElement(By.cssSelector(formCss(form))), f -> f.findElement(By.name(field)));
    }

    Browser type(String form, String field, String value) {
        return on(d -> field(form, field), control -> {
            control.clear();
            control.sendKeys(value);
            return this;
        });
    }

    Browser choose(String form, String field, String value) {
        return on(d -> field(form, field), control -> {
            new Select(control).selectByValue(value);
            return this;
        });
    }

    void submit(String form) {
        on(d -> d.findElement(By.cssSelector(formCss(form))), f -> {
            f.findElement(By.cssSelector("button[type=submit]")).click();
            return true;
        });
    }

    /** Clicks the element {@code css}, finding it again if the page was drawn anew. */
    void click(By by) {
        on(d -> d.findElement(by), element -> {
            element.click();
            return true;
        });
    }

    String text(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText)
                .collect(Collectors.joining("\n"));
    }

    /** Waits until the element {@code css} shows {@code expected} among its text. */
    Browser shows(String css, String expected) {
        wait.withMessage(() -> "'" + expected + "' never shown in " + css + "; shown: " + text(css))
                .until(d -> text(css).contains(expected));
        return this;
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * A screenshot of the page as {@code <page>.png} (full height, and also at a phone's width), then axe-core on
     * it: fails on any serious or critical violation, naming rule, elements and help.
     */
    Browser check(String page) {
        waitForCharts();
        screenshot(page);
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(serious).as(() -> "accessibility of " + page + ": " + serious.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
        assertThat(results.getPasses()).as("axe ran on " + page).isNotEmpty();
        return this;
    }

    void screenshot(String page) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Dimension window = driver.manage().window().getSize();
            long height = (Long) script("window.scrollTo(0, 0); return Math.ceil(document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 800), 4000)));
            Files.write(SCREENSHOTS.resolve(name + "-" + page + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new Dimension(390, 844));
            Files.write(SCREENSHOTS.resolve(name + "-" + page + "-phone.png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(window);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Charts draw on the next frame: wait until every chart on the page holds its SVG. */
    private void waitForCharts() {
        wait.withMessage("a chart was never drawn").until(d -> (Boolean) script(
                "return [...document.querySelectorAll('.chart')].every(c => c.querySelector('svg'))"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
