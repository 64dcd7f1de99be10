package com.copyguard.durability;

import com.copyguard.core.command.AdvanceClock;
import com.copyguard.core.command.Command;
import com.copyguard.core.command.Deposit;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.command.Follow;
import com.copyguard.core.command.PatchSettings;
import com.copyguard.core.command.PriceTick;
import com.copyguard.core.command.PutExpert;
import com.copyguard.core.command.PutInstrument;
import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import com.copyguard.testing.ApiClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded burst of HTTP inputs for durability tests, driven by several concurrent clients. Every
 * input carries a unique key (fill id, request id, event time, ...) so that after a crash each
 * acknowledged input can be looked up in the journal. Each client owns some experts and tracks
 * their positions from its own acknowledged fills, so its closes are valid.
 */
public final class HttpWorkload {
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"};
    private static final String[] BASE = {"60000", "3000", "150", "0.6"};
    private static final String[] MAX_OPEN = {"0.5", "5", "50", "5000"};
    private static final long BASE_TIME = 1_700_000_000_000L;

    private HttpWorkload() {
    }

    public record Request(String method, String path, String body, String key) {
    }

    /** What came back: a status, or -1 when the connection failed (outcome unknown). */
    public record Sent(Request request, int status, JsonNode body) {
        public boolean acked() {
            return status >= 200 && status < 300;
        }

        public boolean refused() {
            return status >= 400 && status < 500;
        }
    }

    /** HTTP/1.1 with one keep-alive connection; a broken connection is reported, not thrown. */
    public static final class Http {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final ApiClient api;

        /** Requests are built by {@code api} (its address and token), sent over this one connection. */
        public Http(ApiClient api) {
            this.api = api;
        }

        public Sent send(Request r) {
            HttpRequest.Builder b = api.request(r.path()).timeout(Duration.ofSeconds(60));
            if (r.body() == null) {
                b.method(r.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("content-type", "application/json").method(r.method(), HttpRequest.BodyPublishers.ofString(r.body()));
            }
            try {
                HttpResponse<String> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode body = resp.body().isEmpty() ? null : Json.MAPPER.readTree(resp.body());
                return new Sent(r, resp.statusCode(), body);
            } catch (IOException e) {
                return new Sent(r, -1, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Sent(r, -1, null);
            }
        }

        public JsonNode get(String path) {
            Sent s = send(new Request("GET", path, null, null));
            if (!s.acked()) {
                throw new IllegalStateException("GET " + path + " answered " + s.status() + ": " + s.body());
            }
            return s.body();
        }
    }

    /** Experts, follows and the accounts and subscriptions they created. */
    public record Setup(List<String> experts, List<String> accounts, List<String> subscriptions, List<Sent> sent) {
    }

    public static Setup setup(Http http, int experts, int followersPerExpert) {
        List<Sent> sent = new ArrayList<>();
        List<String> expertIds = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<String> subscriptions = new ArrayList<>();
        for (int e = 0; e < experts; e++) {
            String id = "E" + e;
            ObjectNode body = Json.object();
            body.put("equity", "10000");
            sent.add(require(http.send(new Request("PUT", "/experts/" + id, body.toString(), "expert:" + id))));
            expertIds.add(id);
        }
        long time = BASE_TIME - 1_000_000;
        for (int e = 0; e < experts; e++) {
            for (int k = 0; k < followersPerExpert; k++) {
                Sent s = require(http.send(follow("F" + e + "-" + k, "E" + e, k % 3, 1000 + 500 * k, time++)));
                sent.add(s);
                accounts.add(s.body().path("accountId").asText());
                subscriptions.add(s.body().path("subscriptionId").asText());
            }
        }
        return new Setup(expertIds, accounts.stream().distinct().toList(), subscriptions, sent);
    }

    private static Sent require(Sent s) {
        if (!s.acked()) {
            throw new IllegalStateException(s.request() + " answered " + s.status() + ": " + s.body());
        }
        return s;
    }

    private static Request follow(String follower, String expert, int mode, int amount, long time) {
        ObjectNode body = Json.object();
        body.put("followerId", follower);
        body.put("expertId", expert);
        body.put("mode", new String[] {"SMART_RATIO", "FIXED_MARGIN", "MULTIPLIER"}[mode]);
        if (mode == 1) {
            body.put("fixedMargin", "50");
        } else if (mode == 2) {
            body.put("multiplier", "0.5");
        }
        body.put("amount", String.valueOf(amount));
        body.put("time", time);
        return new Request("POST", "/subscriptions", body.toString(), "follow:" + follower);
    }

    /** One concurrent client's stream. Not thread-safe: one thread per client. */
    public static final class Client {
        private final Random random;
        private final int index;
        private final int clients;
        private final List<String> ownExperts = new ArrayList<>();
        private final List<String> experts;
        private final List<String> accounts;
        private final List<String> subscriptions;
        private final Map<String, BigDecimal> positions = new HashMap<>();
        private final BigDecimal[] marks = new BigDecimal[SYMBOLS.length];
        private boolean pricesOnly;
        private long i;

        public Client(long seed, int index, int clients, Setup setup) {
            this.random = new Random(seed * 1_000_003L + index);
            this.index = index;
            this.clients = clients;
            this.experts = setup.experts();
            this.accounts = new ArrayList<>(setup.accounts());
            this.subscriptions = new ArrayList<>(setup.subscriptions());
            for (int e = 0; e < experts.size(); e++) {
                if (e % clients == index) {
                    ownExperts.add(experts.get(e));
                }
            }
            for (int s = 0; s < SYMBOLS.length; s++) {
                marks[s] = new BigDecimal(BASE[s]);
            }
        }

        /** Only price ticks from now on: the cheapest input, so mostly HTTP and journal cost. */
        public Client pricesOnly() {
            this.pricesOnly = true;
            return this;
        }

        public Request next() {
            i++;
            long unique = i * clients + index;
            long time = BASE_TIME + unique * 1000;
            int r = pricesOnly ? 50 : random.nextInt(100);
            if (r < 40 && !ownExperts.isEmpty()) {
                return fill(time, unique);
            } else if (r < 65) {
                return prices(time);
            } else if (r < 85) {
                String account = accounts.get(random.nextInt(accounts.size()));
                ObjectNode body = Json.object();
                body.put("amount", String.valueOf(10 + random.nextInt(490)));
                String requestId = "c" + index + "-d" + i;
                body.put("requestId", requestId);
                body.put("time", time);
                return new Request("POST", "/accounts/" + account + "/deposits", body.toString(),
                        "deposit:" + account + "/" + requestId);
            } else if (r < 90) {
                return follow("c" + index + "-f" + i, experts.get(random.nextInt(experts.size())), random.nextInt(3),
                        100 + random.nextInt(1900), time);
            } else if (r < 95) {
                String sub = subscriptions.get(random.nextInt(subscriptions.size()));
                ObjectNode body = Json.object();
                body.put("maxSlippage", "0.0" + (1 + random.nextInt(2)));
                body.put("maxPositionValue", String.valueOf(100_000 + unique));
                return new Request("PATCH", "/subscriptions/" + sub + "/settings", body.toString(),
                        "patch:" + sub + "/" + (100_000 + unique));
            }
            ObjectNode body = Json.object();
            body.put("time", time);
            return new Request("POST", "/clock", body.toString(), "clock:" + time);
        }

        private Request fill(long time, long unique) {
            String expert = ownExperts.get(random.nextInt(ownExperts.size()));
            int s = random.nextInt(SYMBOLS.length);
            boolean longSide = random.nextBoolean();
            String side = longSide ? "LONG" : "SHORT";
            BigDecimal held = positions.getOrDefault(expert + "/" + SYMBOLS[s] + "/" + side, BigDecimal.ZERO);
            BigDecimal price = marks[s].multiply(BigDecimal.valueOf(10000 + random.nextInt(11) - 5))
                    .divide(BigDecimal.valueOf(10000), 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
            ObjectNode body = Json.object();
            String fillId = "x" + unique;
            body.put("fillId", fillId);
            body.put("symbol", SYMBOLS[s]);
            BigDecimal qty;
            if (held.signum() > 0 && random.nextInt(100) < 45) {
                body.put("action", "CLOSE_" + side);
                qty = random.nextInt(100) < 30 ? held : held.multiply(BigDecimal.valueOf(20 + random.nextInt(80)))
                        .divide(BigDecimal.valueOf(100), 4, RoundingMode.DOWN);
                if (qty.signum() <= 0) {
                    qty = held;
                }
                body.put("status", "FILLED");
            } else {
                body.put("action", "OPEN_" + side);
                qty = new BigDecimal(MAX_OPEN[s]).multiply(BigDecimal.valueOf(1 + random.nextInt(100)))
                        .divide(BigDecimal.valueOf(100), 4, RoundingMode.DOWN);
                body.put("status", random.nextInt(100) < 5 ? "PARTIALLY_FILLED_CANCELED" : "FILLED");
            }
            body.put("qty", qty.stripTrailingZeros().toPlainString());
            body.put("price", price.toPlainString());
            body.put("leverage", 5 + random.nextInt(16));
            body.put("marginMode", random.nextBoolean() ? "CROSS" : "ISOLATED");
            body.put("time", time);
            return new Request("POST", "/experts/" + expert + "/fills", body.toString(), "fill:" + expert + "/" + fillId);
        }

        private Request prices(long time) {
            ObjectNode body = Json.object();
            body.put("time", time);
            var list = body.putArray("prices");
            int first = random.nextInt(SYMBOLS.length);
            int count = 1 + random.nextInt(2);
            for (int k = 0; k < count; k++) {
                int s = (first + k) % SYMBOLS.length;
                marks[s] = marks[s].multiply(BigDecimal.valueOf(10000 + random.nextInt(101) - 50))
                        .divide(BigDecimal.valueOf(10000), 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
                ObjectNode p = list.addObject();
                p.put("symbol", SYMBOLS[s]);
                p.put("price", marks[s].toPlainString());
            }
            return new Request("POST", "/prices", body.toString(), "price:" + time);
        }

        /** Learns from an answer: positions from acknowledged fills, new accounts from follows. */
        public void answered(Sent sent) {
            if (!sent.acked()) {
                return;
            }
            Request r = sent.request();
            if (r.key().startsWith("fill:")) {
                try {
                    JsonNode b = Json.MAPPER.readTree(r.body());
                    String action = b.path("action").asText();
                    String side = action.endsWith("LONG") ? "LONG" : "SHORT";
                    String k = r.path().split("/")[2] + "/" + b.path("symbol").asText() + "/" + side;
                    BigDecimal qty = new BigDecimal(b.path("qty").asText());
                    positions.merge(k, action.startsWith("OPEN") ? qty : qty.negate(), BigDecimal::add);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            } else if (r.key().startsWith("follow:")) {
                accounts.add(sent.body().path("accountId").asText());
                subscriptions.add(sent.body().path("subscriptionId").asText());
            }
        }
    }

    /** The key of a journaled command, matching {@link Request#key()} of the input that carried it. */
    public static String keyOf(Command c) {
        if (c instanceof ExpertFill f) {
            return "fill:" + f.expertId() + "/" + f.fillId();
        } else if (c instanceof Deposit d) {
            return "deposit:" + d.accountId() + "/" + d.requestId();
        } else if (c instanceof PriceTick p) {
            return "price:" + p.time();
        } else if (c instanceof Follow f) {
            return "follow:" + f.followerId();
        } else if (c instanceof PatchSettings p) {
            return "patch:" + p.subscriptionId() + "/" + p.patch().maxPositionValue().value().toPlainString();
        } else if (c instanceof AdvanceClock a) {
            return "clock:" + a.time();
        } else if (c instanceof PutExpert e) {
            return "expert:" + e.expertId();
        } else if (c instanceof PutInstrument i) {
            return "instrument:" + i.symbol();
        }
        return c.toString();
    }
}
