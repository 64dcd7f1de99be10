package com.copyguard.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.ConsoleBrowser;
import com.copyguard.api.security.Role;
import com.copyguard.api.security.Tokens4Tests;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A follower's journey through the console in headless Chromium against the real service: sign in,
 * the leaderboard, an expert's page with its curve drawn, follow, a copy appearing live, a
 * withdrawal that freezes profit share (second confirmation), settings, stop with a chosen closing
 * method; plus the desk. Every number checked on a page is compared with the API's answer.
 * Screenshots go to target/screenshots, or to docs/screenshots with -Dcopyguard.screenshots=docs.
 */
class ConsoleBrowserIT {
    private static final long DAY = 86_400_000L;
    private static final String FOLLOWER = "fiona";
    /** The follower's token, minted with the service's own key as `token --role follower` does. */
    private static String followerToken;
    private static RunningService service;
    private static ApiClient api;
    private static ConsoleBrowser browser;
    private static long now;

    @BeforeAll
    static void start() {
        if (!ConsoleBrowser.installed()) {
            Assumptions.assumeFalse(Boolean.getBoolean(ConsoleBrowser.SKIP_PROPERTY), ConsoleBrowser.missing());
            fail(ConsoleBrowser.missing());
        }
        service = RunningService.start();
        api = service.api();
        try (Tokens4Tests tokens = new Tokens4Tests(service.dataDir())) {
            followerToken = tokens.token("fiona@example", Role.FOLLOWER, FOLLOWER);
        }
        now = System.currentTimeMillis();
        seedExperts(new Scenario(api));
        Path shots = "docs".equals(System.getProperty("copyguard.screenshots")) ? Path.of("docs", "screenshots")
                : Path.of("target", "screenshots");
        browser = ConsoleBrowser.start(shots);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
    }

    /** Two experts with a month of daily equity; "ada" also closed three positions (two wins). */
    private static void seedExperts(Scenario given) {
        given.expert("ada", "1000").expert("bo", "1000");
        long start = now - 30 * DAY;
        String[] curve = {"1000", "1030", "1055", "1090", "1080", "1120", "1160", "1150", "1210", "1260", "1240", "1300",
                "1350", "1330", "1380", "1420", "1400", "1460", "1500", "1480", "1520", "1430", "1350", "1290", "1310",
                "1340", "1380", "1400", "1390", "1420"};
        for (int i = 0; i < curve.length; i++) {
            equity("ada", start + i * DAY, curve[i]);
            equity("bo", start + i * DAY, String.valueOf(1000 - i * 5));
        }
        long t = now - 3_600_000;
        String[][] trades = {{"100000", "104000"}, {"104000", "101000"}, {"101000", "106000"}};
        for (int i = 0; i < trades.length; i++) {
            given.fill("ada", "ada-o" + i, "BTCUSDT", "OPEN_LONG", "0.01", trades[i][0], 100, t + i * 60_000);
            given.fill("ada", "ada-c" + i, "BTCUSDT", "CLOSE_LONG", "0.01", trades[i][1], 100, t + i * 60_000 + 30_000);
        }
    }

    private static void equity(String expert, long time, String value) {
        Response r = api.post("/experts/" + expert + "/equity", "{\"time\":" + time + ",\"equity\":\"" + value + "\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private static void go(String hash) {
        browser.open(api.baseUrl() + "/console/" + hash);
        browser.ready();
    }

    /** Every cell with data-field in {@code row} shows the API's exact value for that field. */
    private static void assertRowMatches(WebElement row, JsonNode api) {
        List<WebElement> cells = row.findElements(By.cssSelector("[data-field]"));
        assertThat(cells).isNotEmpty();
        for (WebElement cell : cells) {
            String field = cell.getAttribute("data-field");
            List<WebElement> values = cell.findElements(By.cssSelector("[data-value]"));
            if (values.isEmpty()) {
                assertThat(cell.getText()).as(field).contains(api.path(field).asText());
            } else {
                String expected = api.path(field).isNull() ? "" : api.path(field).asText();
                assertThat(values.get(0).getAttribute("data-value")).as(field).isEqualTo(expected);
            }
        }
    }

    private static void awaitWallClock(long time) {
        long wait = time - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static JsonNode following(String subscriptionId) {
        for (JsonNode f : api.get("/followers/" + FOLLOWER + "/subscriptions").body().path("items")) {
            if (f.path("subscriptionId").asText().equals(subscriptionId)) {
                return f;
            }
        }
        throw new AssertionError("no following " + subscriptionId);
    }

    @Test
    void aFollowerFindsAnExpertFollowsWatchesCopiesLiveWithdrawsEditsAndStops() {
        // sign in
        go("");
        browser.js("sessionStorage.clear()");
        go("");
        browser.type("#token", followerToken);
        browser.type("#follower", FOLLOWER);
        browser.click("#signin-submit");
        browser.until(d -> browser.js("return location.hash").equals("#/experts"));
        browser.ready();
        assertThat(browser.js("return sessionStorage.getItem('copyguard.token')")).isEqualTo(followerToken);

        // the leaderboard, sorted by ROI, shows the API's figures
        JsonNode board = api.get("/experts?sort=roi&limit=200").body().path("items");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#leaderboard tr[data-expert]"));
        assertThat(rows).extracting(r -> r.getAttribute("data-expert")).containsExactly("ada", "bo");
        for (int i = 0; i < rows.size(); i++) {
            assertRowMatches(rows.get(i), board.get(i));
        }
        browser.screenshot("leaderboard");

        // an expert's page: the equity curve and drawdown are drawn from the API's history
        rows.get(0).click();
        browser.until(d -> browser.js("return location.hash").equals("#/experts/ada"));
        browser.ready();
        JsonNode days = api.get("/experts/ada/equity").body().path("days");
        WebElement charts = browser.find("#charts");
        assertThat(charts.getAttribute("data-days")).isEqualTo(String.valueOf(days.size()));
        List<String> plotted = new java.util.ArrayList<>();
        api.get("/experts/ada/equity").body().path("days").forEach(d -> plotted.add("\"" + d.path("equity").asText() + "\""));
        assertThat(charts.getAttribute("data-equity")).isEqualTo("[" + String.join(",", plotted) + "]");
        assertThat(charts.findElements(By.cssSelector(".equity-chart canvas"))).hasSize(1);
        assertThat(charts.findElements(By.cssSelector(".drawdown-chart canvas"))).hasSize(1);
        long inked = ((Number) browser.js("const c = document.querySelector('.equity-chart canvas');"
                + "const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++; return n;")).longValue();
        assertThat(inked).as("pixels drawn on the equity canvas").isGreaterThan(1000);
        JsonNode screening = api.get("/experts/ada/screening").body();
        assertThat(charts.getAttribute("data-flags")).contains(screening.path("flags").get(0).path("code").asText());
        JsonNode trades = api.get("/experts/ada/trades").body().path("items");
        List<WebElement> tradeRows = browser.driver().findElements(By.cssSelector("#trades tbody tr"));
        assertThat(tradeRows).hasSize(trades.size()).hasSize(3);
        for (int i = 0; i < trades.size(); i++) {
            assertRowMatches(tradeRows.get(i), trades.get(i));
        }
        browser.screenshot("expert");

        // follow: MULTIPLIER 0.1 with 100 USDT at 20x
        new Select(browser.find("#follow-mode")).selectByVisibleText("MULTIPLIER");
        browser.type("#follow-amount", "100");
        browser.type("#follow-multiplier", "0.1");
        browser.type("#follow-leverage", "20");
        browser.click("#follow-submit");
        browser.until(d -> String.valueOf(browser.js("return location.hash")).startsWith("#/subscriptions/"));
        browser.ready();
        String sub = String.valueOf(browser.js("return location.hash")).substring("#/subscriptions/".length());
        JsonNode subscription = api.get("/subscriptions/" + sub).body();
        assertThat(subscription.path("followerId").asText()).isEqualTo(FOLLOWER);
        assertThat(subscription.path("expertId").asText()).isEqualTo("ada");
        browser.until(d -> String.valueOf(browser.js("return document.getElementById('live').className")).contains("live live"));

        // the expert opens: the copy appears on the open page, without a reload
        browser.js("window.__sameDocument = 'yes'");
        Scenario given = new Scenario(api);
        long firstOpen = System.currentTimeMillis();
        given.fill("ada", "ada-live-1", "BTCUSDT", "OPEN_LONG", "0.1", "100000", 100, firstOpen);
        browser.find("#decisions tr[data-fill='ada-live-1']");
        browser.find("#positions tr[data-symbol='BTCUSDT']");
        browser.find("#live-feed li[data-type='DECISION']");
        assertThat(browser.js("return window.__sameDocument")).as("the page was not reloaded").isEqualTo("yes");
        subscription = api.get("/subscriptions/" + sub).body();
        assertRowMatches(browser.find("#positions tr[data-symbol='BTCUSDT']"), subscription.path("positions").get(0));
        assertRowMatches(browser.find("#decisions tr[data-fill='ada-live-1']"),
                api.get("/decisions?fillId=ada-live-1").body().path("items").get(0));
        browser.screenshot("following");

        // the expert closes 10 % higher: profit, and profit share pending
        given.fill("ada", "ada-live-2", "BTCUSDT", "CLOSE_LONG", "0.1", "110000", 100, System.currentTimeMillis());
        browser.find("#decisions tr[data-fill='ada-live-2']");
        browser.until(d -> browser.driver().findElements(By.cssSelector("#positions tbody tr[data-symbol]")).isEmpty());
        JsonNode stats = following(sub);
        assertThat(stats.path("closedCopies").asInt()).isEqualTo(1);
        assertThat(new java.math.BigDecimal(stats.path("winRate").asText())).isEqualByComparingTo("1");
        browser.until(d -> browser.find("#sub-stats").getText().contains("100.00 %"));
        WebElement statsBox = browser.find("#sub-stats");
        for (String field : List.of("invested", "equity", "realizedPnl", "roi", "winRate", "fees", "pendingProfitShare")) {
            assertThat(statsBox.findElements(By.cssSelector("[data-value]")).stream()
                    .map(e -> e.getAttribute("data-value")).toList()).as(field).contains(stats.path(field).asText());
        }

        // withdraw most of it: the freeze warning asks for a second confirmation
        String account = subscription.path("accountId").asText();
        JsonNode preview = api.post("/accounts/" + account + "/withdrawals/preview", "{\"amount\":\"180\"}").body();
        assertThat(preview.path("freezes").asBoolean()).isTrue();
        browser.type("#withdraw-amount", "180");
        browser.click("#withdraw-submit");
        WebElement warning = browser.find("#freeze-warning");
        assertThat(warning.findElement(By.cssSelector("[data-field='freezeAdded']")).getText())
                .contains(preview.path("freezeAdded").asText());
        assertThat(api.get("/accounts/" + account).body().path("frozen").asText()).as("nothing frozen before confirming")
                .isEqualTo("0");
        browser.screenshot("withdraw-freeze");
        browser.click("#dialog-ok");
        browser.until(d -> !browser.find("#frozen [data-value]").getAttribute("data-value").equals("0"));
        JsonNode after = api.get("/accounts/" + account).body();
        assertThat(after.path("frozen").asText()).isEqualTo(preview.path("freezeAdded").asText());
        assertThat(browser.find("#frozen [data-value]").getAttribute("data-value")).isEqualTo(after.path("frozen").asText());
        assertThat(browser.find("#transactions tr[data-type='FREEZE_DEDUCTION']")).isNotNull();

        // edit settings: stop loss and take profit
        browser.type("#set-sl", "0.4");
        browser.type("#set-tp", "0.8");
        browser.click("#settings-submit");
        browser.until(d -> "0.4".equals(api.get("/subscriptions/" + sub).body().path("settings").path("stopLossRatio").asText()));
        assertThat(api.get("/subscriptions/" + sub).body().path("settings").path("takeProfitRatio").asText()).isEqualTo("0.8");

        // the withdrawal left less than was invested (INTERRUPTED): add funds to copy again
        assertThat(api.get("/subscriptions/" + sub).body().path("status").asText()).isEqualTo("INTERRUPTED");
        browser.type("#deposit-amount", "200");
        browser.click("#deposit-submit");
        browser.until(d -> "ACTIVE".equals(api.get("/subscriptions/" + sub).body().path("status").asText()));
        browser.until(d -> browser.find("#sub-status").getText().equals("ACTIVE"));
        assertThat(browser.find("#available [data-value]").getAttribute("data-value"))
                .isEqualTo(api.get("/accounts/" + account).body().path("available").asText());

        // a new copy, then stop following, keeping positions until the expert closes them
        // an expert may open at most once every 3 s (EXPERT_FREQUENCY_LIMIT): on a fast machine the
        // steps above can take less than that, so the second open waits for the window to pass
        awaitWallClock(firstOpen + 3_500);
        given.fill("ada", "ada-live-3", "BTCUSDT", "OPEN_LONG", "0.1", "110000", 100, System.currentTimeMillis());
        assertThat(api.get("/decisions?fillId=ada-live-3").body().path("items").get(0).path("outcome").asText())
                .as("the second open is copied").isEqualTo("COPIED");
        browser.find("#positions tr[data-symbol='BTCUSDT']");
        assertRowMatches(browser.find("#positions tr[data-symbol='BTCUSDT']"),
                api.get("/subscriptions/" + sub).body().path("positions").get(0));
        new Select(browser.find("#stop-mode")).selectByValue("FOLLOW_EXPERT_CLOSE");
        browser.click("#stop-submit");
        browser.click("#dialog-ok");
        browser.until(d -> "CLOSING".equals(api.get("/subscriptions/" + sub).body().path("status").asText()));
        browser.until(d -> browser.find("#sub-status").getText().equals("CLOSING"));
        assertThat(api.get("/subscriptions/" + sub).body().path("stopReason").asText()).isEqualTo("STOP_FOLLOWING");

        // my followings: the same figures as the API
        go("#/me");
        WebElement row = browser.find("#followings tr[data-subscription='" + sub + "']");
        assertRowMatches(row, following(sub));
        browser.screenshot("followings");
    }

    @Test
    void theDeskSeesRuleVersionsValidationAndRiskActions() {
        go("");
        browser.js("sessionStorage.setItem('copyguard.token', arguments[0])", api.token());
        go("#/desk");
        JsonNode rules = api.get("/rules").body();
        List<WebElement> versions = browser.driver().findElements(By.cssSelector("#rule-versions tr[data-version]"));
        assertThat(versions).extracting(v -> v.getAttribute("data-version"))
                .containsExactlyElementsOf(rules.path("versions").findValuesAsText("version"));
        browser.click("#rule-versions button.validate[data-version='" + rules.path("active").asText() + "']");
        WebElement messages = browser.find("#validation");
        browser.until(d -> messages.isDisplayed() && messages.getText().contains("valid"));
        assertThat(messages.getText()).contains(rules.path("active").asText() + ": valid");
        assertThat(browser.find("#shadow-report").getText()).contains("No shadow run");
        browser.click("#rule-versions button.shadow[data-version='v1']");
        browser.until(d -> browser.find("#shadow-report").getText().contains("candidate v1"));
        assertThat(api.get("/rules/shadow").body().path("running").asBoolean()).isTrue();
        browser.click("#shadow-stop");
        browser.until(d -> !api.get("/rules/shadow").body().path("running").asBoolean());
        // proposals arrive with the security work: until then the page says they are not available
        assertThat(browser.find("#proposals").getText()).satisfiesAnyOf(
                t -> assertThat(t).contains("not available on this service yet"),
                t -> assertThat(api.get("/rules/proposals").status()).isEqualTo(200));

        // a stop loss taken while the desk watches appears without a reload
        browser.until(d -> String.valueOf(browser.js("return document.getElementById('live').className")).contains("live live"));
        Scenario given = new Scenario(api);
        String sub = given.follow("{\"followerId\":\"desk-f\",\"expertId\":\"bo\",\"mode\":\"MULTIPLIER\",\"amount\":\"100\","
                + "\"multiplier\":\"0.1\",\"settings\":{\"leverage\":{\"mode\":\"FIXED\",\"value\":20},\"stopLossRatio\":\"0.5\"},"
                + "\"time\":" + System.currentTimeMillis() + "}").text("subscriptionId");
        given.fill("bo", "bo-1", "ETHUSDT", "OPEN_LONG", "1", "3000", 20, System.currentTimeMillis());
        given.prices(System.currentTimeMillis(), "ETHUSDT", "2500");
        JsonNode action = api.get("/risk-actions?subscriptionId=" + sub).body().path("items").get(0);
        WebElement row = browser.find("#risk-actions tr[data-subscription='" + sub + "']");
        assertThat(row.getText()).contains(action.path("reason").asText(), action.path("action").asText());
        assertThat(row.findElement(By.cssSelector("[data-field='realizedPnl'] [data-value]")).getAttribute("data-value"))
                .isEqualTo(action.path("realizedPnl").asText());
        browser.screenshot("desk");
    }

    @Test
    void theApiReferenceIsServedAtDocs() {
        browser.open(api.baseUrl() + "/docs");
        browser.until(d -> !d.findElements(By.cssSelector(".swagger-ui .info .title")).isEmpty());
        assertThat(browser.find(".swagger-ui .info .title").getText()).contains("copyguard");
        assertThat(browser.driver().findElements(By.cssSelector(".opblock-summary-path"))).isNotEmpty();
    }
}
