package com.copyguard.api.security;

import static com.copyguard.testing.EventTimes.T0;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two followers of one expert, each with its own token: each sees and changes its own
 * subscription, account, transactions and decisions, and never the other's (tested with the ids
 * of both), and every input records who sent it.
 */
class FollowerIsolationIT {
    private static RunningService service;
    private static Tokens4Tests tokens;
    private static ApiClient ann;
    private static ApiClient ben;
    private static String annSub;
    private static String annAcc;
    private static String benSub;
    private static String benAcc;

    @BeforeAll
    static void start() {
        service = RunningService.start();
        tokens = new Tokens4Tests(service.dataDir());
        ApiClient admin = service.api();
        ApiClient feed = admin.as(tokens.token("exchange-feed", Role.FEED, null));
        ann = admin.as(tokens.token("ann@example", Role.FOLLOWER, "ann"));
        ben = admin.as(tokens.token("ben@example", Role.FOLLOWER, "ben"));
        new Scenario(admin.as(tokens.token("desk-1", Role.DESK, null))).instrument("ISOUSDT", "0").expert("iso-e", "1000");
        Response a = follow(ann, "ann");
        Response b = follow(ben, "ben");
        annSub = a.text("subscriptionId");
        annAcc = a.text("accountId");
        benSub = b.text("subscriptionId");
        benAcc = b.text("accountId");
        assertThat(feed.post("/prices", "{\"time\":" + (T0 + 1500) + ",\"prices\":[{\"symbol\":\"ISOUSDT\",\"price\":\"100\"}]}").status())
                .isEqualTo(200);
        Response fill = feed.post("/experts/iso-e/fills", "{\"fillId\":\"iso-1\",\"symbol\":\"ISOUSDT\",\"action\":\"OPEN_LONG\","
                + "\"qty\":\"1\",\"price\":\"100\",\"leverage\":10,\"marginMode\":\"CROSS\",\"status\":\"FILLED\",\"time\":" + (T0 + 2000) + "}");
        assertThat(fill.status()).as(fill.raw()).isEqualTo(200);
    }

    private static Response follow(ApiClient client, String follower) {
        Response r = client.post("/subscriptions", "{\"followerId\":\"" + follower + "\",\"expertId\":\"iso-e\","
                + "\"mode\":\"MULTIPLIER\",\"amount\":\"500\",\"multiplier\":\"0.1\",\"time\":" + (T0 + 1000) + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r;
    }

    @AfterAll
    static void stop() {
        if (tokens != null) {
            tokens.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void eachFollowerReadsOnlyItsOwnSubscriptionAccountAndTransactions() {
        assertThat(ann.get("/subscriptions/" + annSub).status()).isEqualTo(200);
        assertThat(ann.get("/accounts/" + annAcc).status()).isEqualTo(200);
        assertThat(ann.get("/accounts/" + annAcc + "/transactions").status()).isEqualTo(200);
        for (String path : new String[] {"/subscriptions/" + benSub, "/accounts/" + benAcc,
                "/accounts/" + benAcc + "/transactions"}) {
            Response r = ann.get(path);
            assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(404);
            assertThat(r.raw()).as("the answer does not tell that the id exists").doesNotContain("ben");
        }
        // and the same the other way round
        assertThat(ben.get("/subscriptions/" + benSub).status()).isEqualTo(200);
        assertThat(ben.get("/subscriptions/" + annSub).status()).isEqualTo(404);
        assertThat(ben.get("/accounts/" + annAcc).status()).isEqualTo(404);
        // an id that exists for no one answers exactly like someone else's
        assertThat(ann.get("/subscriptions/S999999").raw().replace("S999999", benSub))
                .isEqualTo(ann.get("/subscriptions/" + benSub).raw());
    }

    @Test
    void aFollowerCannotChangeAnotherFollowersMoneyOrSubscription() {
        JsonNode before = service.api().get("/accounts/" + benAcc).body();
        JsonNode subscriptionBefore = service.api().get("/subscriptions/" + benSub).body();
        assertThat(ann.post("/accounts/" + benAcc + "/withdrawals", "{\"amount\":\"10\",\"requestId\":\"steal\",\"time\":" + (T0 + 3000) + "}")
                .status()).isEqualTo(404);
        assertThat(ann.post("/accounts/" + benAcc + "/deposits", "{\"amount\":\"10\",\"requestId\":\"gift\",\"time\":" + (T0 + 3000) + "}")
                .status()).isEqualTo(404);
        assertThat(ann.patch("/subscriptions/" + benSub + "/settings", "{\"maxSlippage\":\"0.03\"}").status()).isEqualTo(404);
        assertThat(ann.post("/subscriptions/" + benSub + "/stop", "{\"mode\":\"MARKET_CLOSE\",\"time\":" + (T0 + 3000) + "}").status())
                .isEqualTo(404);
        assertThat(ann.post("/subscriptions/" + benSub + "/positions/close", "{\"symbol\":\"ISOUSDT\",\"side\":\"LONG\","
                + "\"time\":" + (T0 + 3000) + "}").status()).isEqualTo(404);
        assertThat(ann.post("/subscriptions", "{\"followerId\":\"ben\",\"expertId\":\"iso-e\",\"mode\":\"MULTIPLIER\","
                + "\"amount\":\"100\",\"multiplier\":\"0.1\",\"time\":" + (T0 + 3000) + "}").status()).as("following as someone else").isEqualTo(403);
        assertThat(service.api().get("/accounts/" + benAcc).body()).isEqualTo(before);
        assertThat(service.api().get("/subscriptions/" + benSub).body()).isEqualTo(subscriptionBefore);
    }

    @Test
    void decisionAndRiskActionListsShowOnlyTheFollowersOwn() {
        JsonNode all = service.api().get("/decisions?fillId=iso-1").body().path("items");
        assertThat(all).hasSize(2);
        JsonNode annsView = ann.get("/decisions?fillId=iso-1").body().path("items");
        assertThat(annsView).hasSize(1);
        assertThat(annsView.get(0).path("subscriptionId").asText()).isEqualTo(annSub);
        assertThat(ann.get("/decisions?subscriptionId=" + benSub).status()).isEqualTo(404);
        assertThat(ann.get("/risk-actions?subscriptionId=" + benSub).status()).isEqualTo(404);
        assertThat(ben.get("/decisions").body().path("items")).isNotEmpty().allSatisfy(d -> assertThat(d.path("subscriptionId").asText()).isEqualTo(benSub));
    }

    @Test
    void everyInputShowsWhoSentIt() {
        Response dep = ann.post("/accounts/" + annAcc + "/deposits", "{\"amount\":\"25\",\"requestId\":\"ann-dep\",\"time\":" + (T0 + 3000) + "}");
        assertThat(dep.status()).as(dep.raw()).isEqualTo(200);
        JsonNode tx = ann.get("/accounts/" + annAcc + "/transactions").body().path("items");
        JsonNode deposit = null;
        for (JsonNode t : tx) {
            if ("deposit:ann-dep".equals(t.path("ref").asText())) {
                deposit = t;
            }
        }
        assertThat(deposit).as(tx.toString()).isNotNull();
        assertThat(deposit.path("requestedBy").path("subject").asText()).isEqualTo("ann@example");
        assertThat(deposit.path("requestedBy").path("role").asText()).isEqualTo("follower");

        JsonNode decision = ann.get("/decisions?fillId=iso-1").body().path("items").get(0);
        assertThat(decision.path("fillSentBy").path("subject").asText()).isEqualTo("exchange-feed");
        assertThat(decision.path("fillSentBy").path("role").asText()).isEqualTo("feed");

        ApiClient desk = service.api().as(tokens.token("support-7", Role.DESK, null));
        Response stop = desk.post("/subscriptions/" + benSub + "/stop", "{\"mode\":\"MARKET_CLOSE\",\"time\":" + (T0 + 4000) + "}");
        assertThat(stop.status()).as(stop.raw()).isEqualTo(200);
        JsonNode actions = ben.get("/risk-actions?subscriptionId=" + benSub).body().path("items");
        assertThat(actions).isNotEmpty().allSatisfy(a -> assertThat(a.path("requestedBy").path("subject").asText())
                .isEqualTo("support-7"));
    }
}
