package com.copyguard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, with a fresh profile. Missing
 * browser binaries fail the test (CI installs them) unless {@code -Dcopyguard.skipBrowserTests=true}
 * asks to skip for a local run.
 */
public final class ConsoleBrowser implements AutoCloseable {
    public static final String SKIP_PROPERTY = "copyguard.skipBrowserTests";
    private static final Path CHROMIUM = Path.of(System.getProperty("copyguard.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("copyguard.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private ConsoleBrowser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** True when the browser is installed; otherwise the caller fails (or skips when asked to). */
    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static String missing() {
        return "headless Chromium is needed for the console's browser tests: apt-get install -y chromium chromium-driver "
                + "(looked for " + CHROMIUM + " and " + CHROMEDRIVER + "); -D" + SKIP_PROPERTY + "=true skips them locally";
    }

    /** {@code screenshots}: where {@link #screenshot} writes PNGs. */
    public static ConsoleBrowser start(Path screenshots) {
        try {
            Path profile = Files.createTempDirectory("copyguard-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            Files.createDirectories(screenshots);
            return new ConsoleBrowser(new ChromeDriver(service, options), profile, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return until(d -> d.findElement(By.cssSelector(css)));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    public void click(String css) {
        find(css).click();
    }

    /** Waits until the page finished rendering the current route. */
    public void ready() {
        until(d -> js("return document.getElementById('view').dataset.ready === location.hash"
                + " && !document.getElementById('view').classList.contains('loading')").equals(Boolean.TRUE));
    }

    /** A PNG of the top of the page (the viewport, so the files stay small). */
    public void screenshot(String name) {
        js("window.scrollTo(0, 0)");
        try {
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try {
            TempDirs.delete(profile);
        } catch (UncheckedIOException e) {
            // Chromium may still be releasing its profile; a leftover temp folder is harmless
        }
    }
}
