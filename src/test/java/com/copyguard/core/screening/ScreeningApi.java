package com.copyguard.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Screening steps over HTTP for the integration tests; every history ends on the same day. */
final class ScreeningApi {
    /** The last day of every synthetic history (UTC+8). */
    static final LocalDate END = LocalDate.of(2025, 6, 30);
    private final ApiClient api;

    ScreeningApi(ApiClient api) {
        this.api = api;
    }

    /** Event time {@code daysBeforeEnd} days before END at {@code hour}:00 UTC+8. */
    static long at(int daysBeforeEnd, int hour) {
        return (END.toEpochDay() - daysBeforeEnd) * 86_400_000L + (hour - 8) * 3_600_000L;
    }

    static String day(int daysBeforeEnd) {
        return END.minusDays(daysBeforeEnd).toString();
    }

    /** Creates the expert (no equity: PUT carries no event time) and reports one equity per day, ending on END. */
    ScreeningApi load(String expertId, Curves curve) {
        Response created = api.put("/experts/" + expertId, "{}");
        assertThat(created.status()).as(created.raw()).isIn(200, 201);
        List<String> equities = curve.equities();
        for (int i = 0; i < equities.size(); i++) {
            equity(expertId, at(equities.size() - 1 - i, 12), equities.get(i), null);
        }
        return this;
    }

    Response equity(String expertId, long time, String equity, String transfer) {
        Response r = api.post("/experts/" + expertId + "/equity", "{\"time\":" + time + ",\"equity\":\"" + equity + "\""
                + (transfer == null ? "" : ",\"transfer\":\"" + transfer + "\"") + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }

    Response fill(String expertId, String fillId, String symbol, String action, String qty, String price, long time,
                  String expertEquity) {
        Response r = api.post("/experts/" + expertId + "/fills", "{\"fillId\":\"" + fillId + "\",\"symbol\":\"" + symbol
                + "\",\"action\":\"" + action + "\",\"qty\":\"" + qty + "\",\"price\":\"" + price
                + "\",\"leverage\":10,\"marginMode\":\"CROSS\",\"status\":\"FILLED\",\"time\":" + time
                + (expertEquity == null ? "" : ",\"expertEquity\":\"" + expertEquity + "\"") + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }

    JsonNode screening(String expertId) {
        Response r = api.get("/experts/" + expertId + "/screening");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    static List<String> flagCodes(JsonNode screening) {
        List<String> codes = new ArrayList<>();
        screening.path("flags").forEach(f -> codes.add(f.path("code").asText()));
        return codes;
    }

    static double metric(JsonNode screening, String name) {
        return Double.parseDouble(screening.path("metrics").path(name).asText());
    }
}
