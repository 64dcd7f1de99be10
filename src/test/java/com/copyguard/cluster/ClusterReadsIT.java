package com.copyguard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.api.security.Role;
import com.copyguard.api.security.SecurityOptions;
import com.copyguard.api.security.SigningKey;
import com.copyguard.api.security.Tokens4Tests;
import com.copyguard.cluster.ingress.ClusterGateway;
import com.copyguard.cluster.ingress.ClusterIngress;
import com.copyguard.core.paging.Cursor;
import com.copyguard.core.rules.RuleSetLoader;
import com.copyguard.durability.writer.WallClockGuard;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.EventStreamReader;
import com.copyguard.testing.EventStreamReader.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads, live events and rule reads through the cluster ingress, as clients use them: real HTTP
 * on a loopback port, a real in-process Kafka, 16 shards on one worker. A read sees the writes
 * answered before it; a desk-wide list gathered from every shard pages each item exactly once, newest
 * first across shards, also while fills arrive between its pages; a
 * follower token reads only its own data; GET /events streams a fill's decisions from cg.events
 * after the fill's 2xx and resumes from an id; an expert's figures and its screening are summed
 * over the shards; the ingress meters its reads and its event stream on GET /metrics.
 */
class ClusterReadsIT {
    private static final long T = 1_700_000_000_000L;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static KafkaTestCluster kafka;
    private static InProcessCluster cluster;
    private static ClusterGateway gateway;
    private static ClusterIngress ingress;
    private static Tokens4Tests tokens;
    private static ApiClient admin;
    private static Path keyDir;

    @BeforeAll
    static void start(@TempDir Path keys) {
        keyDir = keys;
        kafka = KafkaTestCluster.start(1);
        cluster = new InProcessCluster(kafka, 16, 1, null, 0);
        gateway = new ClusterGateway(kafka.bootstrapServers(), cluster.topics(), 16, Duration.ofSeconds(20));
        ingress = ClusterIngress.start(gateway, "127.0.0.1", 0, SigningKey.loadOrCreate(keys),
                new SecurityOptions(List.of(), List.of(), null, null, null, null), WallClockGuard.DEFAULT,
                new RuleSetLoader(Path.of("rules")));
        tokens = new Tokens4Tests(keys);
        admin = new ApiClient(ingress.port(), tokens.token("ops", Role.ADMIN, null));
        assertThat(admin.put("/instruments/BTCUSDT", "{\"minQty\":\"0.001\",\"qtyStep\":\"0.001\",\"maxLeverage\":125,"
                + "\"takerFeeRate\":\"0.0006\",\"maintenanceMarginRate\":\"0.004\"}").status()).isEqualTo(200);
        for (String expert : List.of("ann", "ben", "cat", "dan")) {
            assertThat(admin.put("/experts/" + expert, "{\"equity\":\"10000\",\"profitShareRate\":\"0.1\"}").status())
                    .isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        ingress.close();
        gateway.close();
        cluster.close();
        tokens.close();
        kafka.close();
    }

    private static Response follow(ApiClient client, String follower, String expert, long time) {
        Response r = client.post("/subscriptions", "{\"followerId\":\"" + follower + "\",\"expertId\":\"" + expert
                + "\",\"mode\":\"MULTIPLIER\",\"multiplier\":\"0.1\",\"amount\":\"1000\","
                + "\"settings\":{\"leverage\":{\"mode\":\"FIXED\",\"value\":20}},\"time\":" + time + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r;
    }

    private static Response fill(String expert, String fillId, String action, long time) {
        Response r = admin.post("/experts/" + expert + "/fills", "{\"fillId\":\"" + fillId + "\",\"symbol\":\"BTCUSDT\","
                + "\"action\":\"" + action + "\",\"qty\":\"0.1\",\"price\":\"100000\",\"leverage\":100,"
                + "\"marginMode\":\"CROSS\",\"status\":\"FILLED\",\"time\":" + time + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }

    @Test
    void aReadSeesEveryWriteAnsweredBeforeIt() {
        Response sub = follow(admin, "rw-bob", "ann", T);
        String account = sub.text("accountId");
        Response read = admin.get("/subscriptions/" + sub.text("subscriptionId"));
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.text("followerId")).isEqualTo("rw-bob");
        BigDecimal balance = new BigDecimal(admin.get("/accounts/" + account).text("balance"));
        for (int i = 1; i <= 5; i++) {
            Response deposit = admin.post("/accounts/" + account + "/deposits",
                    "{\"amount\":\"" + i + "\",\"requestId\":\"rw-" + i + "\",\"time\":" + (T + i) + "}");
            assertThat(deposit.status()).as(deposit.raw()).isEqualTo(200);
            balance = balance.add(BigDecimal.valueOf(i));
            Response after = admin.get("/accounts/" + account);
            assertThat(after.status()).as(after.raw()).isEqualTo(200);
            assertThat(new BigDecimal(after.text("balance"))).as("the read after deposit " + i).isEqualByComparingTo(balance);
        }
        Response movements = admin.get("/accounts/" + account + "/transactions?type=DEPOSIT&limit=2");
        assertThat(movements.status()).as(movements.raw()).isEqualTo(200);
        assertThat(movements.body().path("items")).hasSize(2);
        assertThat(movements.body().path("items").get(0).path("amount").asText()).isEqualTo("5");
        Response rest = admin.get("/accounts/" + account + "/transactions?type=DEPOSIT&limit=1000&cursor="
                + movements.text("nextCursor"));
        assertThat(rest.body().path("items")).as("deposits 3, 2, 1 and the follow's").hasSize(4);
        assertThat(rest.body().path("nextCursor").isNull()).isTrue();
        Response followings = admin.get("/followers/rw-bob/subscriptions");
        assertThat(followings.status()).as(followings.raw()).isEqualTo(200);
        assertThat(followings.body().path("items")).extracting(s -> s.path("subscriptionId").asText())
                .containsExactly(sub.text("subscriptionId"));
        Response missing = admin.get("/subscriptions/S999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("NOT_FOUND");
        assertThat(admin.get("/accounts/" + account + "/transactions?limit=0").status()).as("a bad parameter").isEqualTo(400);
        assertThat(admin.get("/health").text("ruleSet")).isEqualTo(cluster.read(0, s -> s.engine().rules().get().version()));
    }

    @Test
    void aDeskListAcrossShardsPagesEveryItemExactlyOnce() {
        Set<String> subscriptions = new HashSet<>();
        Set<Integer> shards = new HashSet<>();
        for (int i = 0; i < 14; i++) {
            Response sub = follow(admin, "desk-" + i, "ben", T + 100 + i);
            subscriptions.add(sub.text("subscriptionId"));
            shards.add(cluster.routing().ofMintedId(sub.text("subscriptionId")));
        }
        assertThat(shards).as("the followers are spread over several shards").hasSizeGreaterThan(4);
        Response fill = fill("ben", "desk-f1", "OPEN_LONG", T + 200);
        assertThat(fill.body().path("copied").asInt() + fill.body().path("rejected").asInt()).isEqualTo(14);

        for (int limit : List.of(1, 3, 5, 14, 100)) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Response page = admin.get("/decisions?fillId=desk-f1&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.status()).as(page.raw()).isEqualTo(200);
                assertThat(page.body().path("items").size()).as("page size").isLessThanOrEqualTo(limit);
                page.body().path("items").forEach(d -> seen.add(d.path("subscriptionId").asText()));
                cursor = page.body().path("nextCursor").isNull() ? null : page.text("nextCursor");
                if (cursor != null) {
                    assertThat(page.body().path("items").size()).as("a full page while more exist").isEqualTo(limit);
                    assertThat(cursor).hasSizeLessThanOrEqualTo(40);
                }
                assertThat(++pages).as("pages end").isLessThan(40);
            } while (cursor != null);
            assertThat(seen).as("limit " + limit + ": every decision exactly once").hasSize(14)
                    .containsExactlyInAnyOrderElementsOf(subscriptions);
        }
        Response risk = admin.get("/risk-actions?limit=3");
        assertThat(risk.status()).as(risk.raw()).isEqualTo(200);

        Response garbage = admin.get("/decisions?fillId=desk-f1&cursor=bm90LW91cnM");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.error()).isEqualTo("INVALID_CURSOR");
        Response singleNodeCursor = admin.get("/decisions?fillId=desk-f1&cursor=" + Cursor.encode(5));
        assertThat(singleNodeCursor.error()).as("a cursor of one shard is not a desk cursor").isEqualTo("INVALID_CURSOR");
        Response oldestFirst = admin.get("/decisions?fillId=desk-f1&cursor=" + Cursor.encodeOldestFirst(5));
        assertThat(oldestFirst.error()).as("several shards hand out no oldest-first cursor").isEqualTo("INVALID_CURSOR");

        Response expert = admin.get("/experts/ben");
        assertThat(expert.status()).as(expert.raw()).isEqualTo(200);
        assertThat(expert.body().path("followers").asInt()).as("followers summed over the shards").isEqualTo(14);
        assertThat(expert.body().path("positions")).hasSize(1);

        // the fan-out reply's link to the rest lists the fill's decisions desk-wide
        String list = fill.body().path("decisionSummary").path("list").asText();
        assertThat(list).isEqualTo("/decisions?expertId=ben&fillId=desk-f1");
        Response listed = admin.get(list);
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        assertThat(listed.body().path("items")).extracting(d -> d.path("subscriptionId").asText())
                .containsExactlyInAnyOrderElementsOf(subscriptions);

        // globally newest first: the second fill's decisions, on every shard, come before the first's
        fill("ben", "desk-f2", "CLOSE_LONG", T + 300);
        Response both = admin.get("/decisions?expertId=ben&limit=5");
        List<String> fills = new ArrayList<>();
        String next = null;
        do {
            Response page = admin.get("/decisions?expertId=ben&limit=5" + (next == null ? "" : "&cursor=" + next));
            page.body().path("items").forEach(d -> fills.add(d.path("fillId").asText()));
            next = page.body().path("nextCursor").isNull() ? null : page.text("nextCursor");
        } while (next != null);
        assertThat(both.body().path("items")).hasSize(5);
        assertThat(fills).hasSize(28);
        assertThat(fills.subList(0, 14)).as("newest fill first, across shards").containsOnly("desk-f2");
        assertThat(fills.subList(14, 28)).containsOnly("desk-f1");

    }

    @Test
    void aDeskWalkWhileFillsArriveGivesEveryItemOnce() {
        assertThat(admin.put("/experts/gus", "{\"equity\":\"10000\",\"profitShareRate\":\"0.1\"}").status()).isEqualTo(201);
        for (int i = 0; i < 10; i++) {
            follow(admin, "walk-" + i, "gus", T + 800 + i);
        }
        fill("gus", "walk-f0", "OPEN_LONG", T + 900);
        List<String> before = new ArrayList<>();
        String cursor = null;
        do {
            Response page = admin.get("/decisions?expertId=gus&limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
            page.body().path("items").forEach(d -> before.add(d.path("fillId").asText() + "/" + d.path("subscriptionId").asText()));
            cursor = page.body().path("nextCursor").isNull() ? null : page.text("nextCursor");
        } while (cursor != null);
        assertThat(before).hasSize(10);

        List<String> walked = new ArrayList<>();
        cursor = null;
        int pages = 0;
        do {
            Response page = admin.get("/decisions?expertId=gus&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            page.body().path("items").forEach(d -> walked.add(d.path("fillId").asText() + "/" + d.path("subscriptionId").asText()));
            cursor = page.body().path("nextCursor").isNull() ? null : page.text("nextCursor");
            if (cursor != null) {
                assertThat(page.body().path("items").size()).as("a full page while more exist").isEqualTo(3);
            }
            // a new fill of the expert between pages: its decisions are newer than the walk's cursor
            fill("gus", "walk-f" + (++pages), pages % 2 == 1 ? "CLOSE_LONG" : "OPEN_LONG", T + 900 + pages);
        } while (cursor != null);
        assertThat(walked).as("every item once, none of the fills made during the walk").containsExactlyElementsOf(before);
    }

    @Test
    void withOneShardAFanOutsOldestFirstCursorGoesToItsShard() throws Exception {
        try (InProcessCluster one = new InProcessCluster(kafka, 1, 1, null, 0);
             ClusterIngress oneIngress = ClusterIngress.start(one.gateway(), "127.0.0.1", 0, SigningKey.loadOrCreate(keyDir),
                     new SecurityOptions(List.of(), List.of(), null, null, null, null), WallClockGuard.DEFAULT,
                     new RuleSetLoader(Path.of("rules")))) {
            ApiClient api = new ApiClient(oneIngress.port(), tokens.token("ops", Role.ADMIN, null));
            assertThat(api.put("/instruments/BTCUSDT", "{\"minQty\":\"0.001\",\"qtyStep\":\"0.001\",\"maxLeverage\":125,"
                    + "\"takerFeeRate\":\"0.0006\",\"maintenanceMarginRate\":\"0.004\"}").status()).isEqualTo(200);
            assertThat(api.put("/experts/solo", "{\"equity\":\"10000\",\"profitShareRate\":\"0.1\"}").status()).isEqualTo(201);
            List<String> made = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                made.add(follow(api, "solo-" + i, "solo", T + i).text("subscriptionId"));
            }
            Response fill = api.post("/experts/solo/fills", "{\"fillId\":\"solo-f1\",\"symbol\":\"BTCUSDT\","
                    + "\"action\":\"OPEN_LONG\",\"qty\":\"0.1\",\"price\":\"100000\",\"leverage\":100,"
                    + "\"marginMode\":\"CROSS\",\"status\":\"FILLED\",\"time\":" + (T + 10) + "}");
            assertThat(fill.status()).as(fill.raw()).isEqualTo(200);
            // the single node's oldest-first walk: the fill's decisions after its first one, in the order made
            Response rest = api.get("/decisions?expertId=solo&fillId=solo-f1&limit=1&cursor=" + Cursor.encodeOldestFirst(0));
            assertThat(rest.status()).as(rest.raw()).isEqualTo(200);
            assertThat(rest.body().path("items")).hasSize(1);
            String second = rest.body().path("items").get(0).path("subscriptionId").asText();
            Response last = api.get("/decisions?expertId=solo&fillId=solo-f1&limit=1&cursor=" + rest.text("nextCursor"));
            assertThat(last.body().path("items")).hasSize(1);
            assertThat(last.body().path("nextCursor").isNull()).isTrue();
            List<String> newestFirst = new ArrayList<>();
            api.get("/decisions?expertId=solo&fillId=solo-f1").body().path("items")
                    .forEach(d -> newestFirst.add(d.path("subscriptionId").asText()));
            assertThat(newestFirst).as("desk-wide with one shard: the shard's own order").hasSize(3)
                    .containsExactlyInAnyOrderElementsOf(made);
            assertThat(List.of(second, last.body().path("items").get(0).path("subscriptionId").asText()))
                    .as("oldest first: the reverse of the newest-first list without its oldest")
                    .containsExactly(newestFirst.get(1), newestFirst.get(0));
        }
    }

    @Test
    void aFollowerTokenReadsOnlyItsOwnData() {
        Response dave = follow(admin, "own-dave", "cat", T + 300);
        Response erin = follow(admin, "own-erin", "cat", T + 301);
        fill("cat", "own-f1", "OPEN_LONG", T + 302);
        ApiClient asErin = admin.as(tokens.token("own-erin", Role.FOLLOWER, "own-erin"));
        assertThat(asErin.get("/subscriptions/" + erin.text("subscriptionId")).status()).isEqualTo(200);
        assertThat(asErin.get("/accounts/" + erin.text("accountId")).status()).isEqualTo(200);
        for (String path : List.of("/subscriptions/" + dave.text("subscriptionId"), "/accounts/" + dave.text("accountId"),
                "/accounts/" + dave.text("accountId") + "/transactions",
                "/decisions?subscriptionId=" + dave.text("subscriptionId"),
                "/risk-actions?subscriptionId=" + dave.text("subscriptionId"))) {
            Response probe = asErin.get(path);
            assertThat(probe.status()).as(path + " -> " + probe.raw()).isEqualTo(404);
        }
        assertThat(asErin.get("/followers/own-dave/subscriptions").status()).isEqualTo(403);
        Response own = asErin.get("/decisions?fillId=own-f1");
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.body().path("items")).extracting(d -> d.path("subscriptionId").asText())
                .containsExactly(erin.text("subscriptionId"));
        assertThat(asErin.get("/decisions?fillId=own-f1&subscriptionId=" + erin.text("subscriptionId"))
                .body().path("items")).hasSize(1);
    }

    @Test
    void eventsStreamAFillsDecisionsAfterItsAnswerAndResumeFromAnId() {
        List<String> subscriptions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            subscriptions.add(follow(admin, "ev-" + i, "dan", T + 400 + i).text("subscriptionId"));
        }
        ApiClient asEv0 = admin.as(tokens.token("ev-0", Role.FOLLOWER, "ev-0"));
        assertThat(asEv0.stream("/events?followerId=ev-1", null).statusCode()).as("another follower's stream").isEqualTo(403);
        try (EventStreamReader desk = EventStreamReader.open(admin, "expertId=dan&types=DECISION", null);
             EventStreamReader mine = EventStreamReader.open(asEv0, "types=DECISION", null)) {
            Response fill = fill("dan", "ev-f1", "OPEN_LONG", T + 500);
            List<Event> events = desk.take(6, WAIT);
            assertThat(events).extracting(e -> e.data().path("subscriptionId").asText())
                    .containsExactlyInAnyOrderElementsOf(subscriptions);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.type()).isEqualTo("DECISION");
                assertThat(e.data().path("fillId").asText()).isEqualTo("ev-f1");
                assertThat(e.data().path("id").asText()).isEqualTo(e.id());
            });
            for (Event e : events) {
                JsonNode answered = null;
                for (JsonNode d : fill.body().path("decisions")) {
                    if (d.path("subscriptionId").equals(e.data().path("subscriptionId"))) {
                        answered = d;
                    }
                }
                assertThat(answered).as("the fill answered the event's decision").isNotNull();
                for (String field : List.of("outcome", "qty", "price", "margin", "leverage")) {
                    assertThat(e.data().path(field)).as(field).isEqualTo(answered.path(field));
                }
                assertThat(e.data().path("rulesFired")).as("the event explains the decision").isNotEmpty();
            }
            List<Long> ids = events.stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).as("ids increase").isSorted().doesNotHaveDuplicates();

            List<Event> own = mine.take(1, WAIT);
            assertThat(own.get(0).data().path("subscriptionId").asText()).isEqualTo(subscriptions.get(0));
            assertThat(mine.drain(Duration.ofMillis(500))).as("a follower streams only its own events").isEmpty();

            try (EventStreamReader resumed = EventStreamReader.open(admin, "expertId=dan&types=DECISION", events.get(1).id())) {
                assertThat(resumed.take(4, WAIT)).extracting(Event::id)
                        .containsExactlyElementsOf(events.subList(2, 6).stream().map(Event::id).toList());
                assertThat(resumed.drain(Duration.ofMillis(500))).as("nothing twice").isEmpty();
            }
        }
        assertThat(admin.stream("/events", String.valueOf(Long.MAX_VALUE)).statusCode()).as("an id never sent").isEqualTo(410);
    }

    @Test
    void screeningSumsTheFollowersOfEveryShardForTheRolesTheSingleNodeLets() {
        assertThat(admin.put("/experts/eve", "{\"equity\":\"10000\",\"profitShareRate\":\"0.1\"}").status()).isEqualTo(201);
        Set<Integer> shards = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            follow(admin, "scr-" + i, "eve", T + 600 + i);
            shards.add(cluster.routing().ofFollower("scr-" + i));
        }
        assertThat(shards).as("the followers are spread over several shards").hasSizeGreaterThan(2);
        fill("eve", "scr-f1", "OPEN_LONG", T + 610);

        ApiClient desk = admin.as(tokens.token("dora", Role.DESK, null));
        ApiClient follower = admin.as(tokens.token("scr-0", Role.FOLLOWER, "scr-0"));
        Response screening = desk.get("/experts/eve/screening");
        assertThat(screening.status()).as(screening.raw()).isEqualTo(200);
        assertThat(screening.body().path("metrics").path("followers").asInt()).as("followers of every shard").isEqualTo(6);
        assertThat(screening.body().path("metrics").path("activeFollowers").asInt()).isEqualTo(6);
        assertThat(screening.text("ruleSet")).isEqualTo(cluster.read(0, s -> s.engine().rules().get().version()));
        assertThat(follower.get("/experts/eve/screening").body()).as("a follower sees what the desk sees").isEqualTo(screening.body());

        Response board = follower.get("/experts?sort=followers");
        assertThat(board.status()).as(board.raw()).isEqualTo(200);
        List<JsonNode> ranked = new ArrayList<>();
        board.body().path("items").forEach(ranked::add);
        assertThat(ranked).extracting(e -> -e.path("followers").asInt()).as("ranked by every shard's followers").isSorted();
        assertThat(ranked).filteredOn(e -> e.path("expertId").asText().equals("eve"))
                .singleElement().satisfies(e -> assertThat(e.path("followers").asInt()).isEqualTo(6));
        List<JsonNode> paged = new ArrayList<>();
        String cursor = null;
        do {
            Response page = follower.get("/experts?sort=followers&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            page.body().path("items").forEach(paged::add);
            cursor = page.body().path("nextCursor").isNull() ? null : page.text("nextCursor");
        } while (cursor != null);
        assertThat(paged).as("pages of 2 walk the same ranking").isEqualTo(ranked);
        assertThat(desk.get("/experts").body().path("items")).extracting(e -> e.path("expertId").asText())
                .as("in creation order without a sort").startsWith("ann", "ben", "cat", "dan");

        for (Role role : List.of(Role.FEED, Role.RULES_AUTHOR, Role.METRICS)) {
            ApiClient other = admin.as(tokens.token("x-" + role.wireName(), role, null));
            assertThat(other.get("/experts/eve/screening").status()).as(role + " reads no screening").isEqualTo(403);
            assertThat(other.get("/experts").status()).as(role + " reads no leaderboard").isEqualTo(403);
        }
        assertThat(admin.as(null).get("/experts").status()).as("no token").isEqualTo(401);
        Response missing = desk.get("/experts/nobody/screening");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("NOT_FOUND");
        Response badSort = desk.get("/experts?sort=luck");
        assertThat(badSort.status()).as(badSort.raw()).isEqualTo(400);
    }

    @Test
    void theIngressMetersItsReadsAndItsEventStream() {
        ApiClient metrics = admin.as(tokens.token("prometheus", Role.METRICS, null));
        assertThat(admin.get("/experts/ann/screening").status()).isEqualTo(200);
        assertThat(admin.get("/experts?limit=2").status()).isEqualTo(200);
        assertThat(admin.get("/subscriptions/S999").status()).isEqualTo(404);
        assertThat(admin.put("/experts/fox", "{\"equity\":\"10000\",\"profitShareRate\":\"0.1\"}").status()).isEqualTo(201);
        follow(admin, "mx-0", "fox", T + 700);
        try (EventStreamReader stream = EventStreamReader.open(admin, "expertId=fox&types=DECISION", null)) {
            Response during = metrics.get("/metrics");
            assertThat(during.status()).as(during.raw()).isEqualTo(200);
            assertThat(sample(during.raw(), "copyguard_ingress_event_streams", "")).as("one stream open").isEqualTo(1);
            fill("fox", "mx-f1", "OPEN_LONG", T + 701);
            assertThat(stream.take(1, WAIT)).isNotEmpty();
        }
        String text = metrics.get("/metrics").raw();
        assertThat(sample(text, "copyguard_ingress_read_shards_sum", "operation=\"getExpertScreening\""))
                .as("every shard for its followers' share, then shard 0").isGreaterThanOrEqualTo(17);
        assertThat(sample(text, "copyguard_ingress_read_seconds_count", "operation=\"listExperts\"")).isGreaterThanOrEqualTo(1);
        assertThat(text).contains("copyguard_ingress_read_seconds_bucket{");
        assertThat(sample(text, "copyguard_ingress_reads_total", "operation=\"getSubscription\",outcome=\"refused\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(text, "copyguard_ingress_reads_total", "operation=\"getExpertScreening\",outcome=\"ok\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(text, "copyguard_ingress_events_delivered_total", "")).as("the fill's decision").isGreaterThanOrEqualTo(1);
        assertThat(sample(text, "copyguard_ingress_events_newest_offset", "")).isPositive();
        assertThat(sample(text, "copyguard_ingress_events_lag_records", "")).isGreaterThanOrEqualTo(0);
        assertThat(admin.as(tokens.token("d", Role.DESK, null)).get("/metrics").status()).as("a metrics token only").isEqualTo(403);
    }

    /** The value of {@code metric}'s sample whose labels contain {@code labels} (every label when empty); fails if none. */
    private static double sample(String scrape, String metric, String labels) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                String head = line.substring(0, line.lastIndexOf(' '));
                if (head.contains(labels)) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        throw new AssertionError(metric + "{" + labels + "} is not in the scrape:\n" + scrape);
    }

    @Test
    void rulesAreListedAndActivatedThroughTheSequencer() {
        Response rules = admin.get("/rules");
        assertThat(rules.status()).as(rules.raw()).isEqualTo(200);
        assertThat(rules.text("active")).isEqualTo(cluster.read(0, s -> s.engine().rules().get().version()));
        assertThat(rules.body().path("versions")).extracting(v -> v.path("version").asText()).contains("v1", "v2");
        Response unknown = admin.post("/rules/activate", "{\"version\":\"no-such-version\"}");
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        ApiClient author = admin.as(tokens.token("rita", Role.RULES_ADMIN, null));
        assertThat(author.post("/rules/activate", "{\"version\":\"v2\"}").status()).as("break-glass is admin only")
                .isEqualTo(403);
        // the active version again: compiled at the ingress, then applied by every shard through the sequencer
        String active = rules.text("active");
        Response activated = admin.post("/rules/activate", "{\"version\":\"" + active + "\"}");
        assertThat(activated.status()).as(activated.raw()).isEqualTo(200);
        assertThat(activated.text("active")).isEqualTo(active);
        Response after = admin.get("/rules");
        assertThat(after.body().path("lastActivation").path("version").asText()).isEqualTo(active);
        String onLastShard = cluster.read(15, s -> s.engine().lastActivation().version());
        assertThat(onLastShard).as("the last shard activated it too").isEqualTo(active);
        Response hash = admin.get("/state/hash");
        assertThat(hash.status()).as("served at a checkpoint marker: ClusterStateHashIT").isEqualTo(200);
        assertThat(hash.body().path("shards")).hasSize(16);
    }
}
