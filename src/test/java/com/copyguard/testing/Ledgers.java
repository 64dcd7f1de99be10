package com.copyguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Conservation checks over the HTTP view of an account. */
public final class Ledgers {
    private Ledgers() {
    }

    public static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    /**
     * The balance-moving transactions add up to the balance, the freeze records to the frozen
     * amount, and neither frozen nor available is negative.
     */
    public static void assertConsistent(ApiClient api, String accountId) {
        JsonNode account = api.get("/accounts/" + accountId).body();
        BigDecimal moved = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        for (JsonNode t : allTransactions(api, accountId)) {
            String type = t.path("type").asText();
            if (type.startsWith("FREEZE_")) {
                reserved = reserved.subtract(dec(t.path("amount")));
            } else if (!type.startsWith("MARGIN_")) {
                // MARGIN_ADDED / MARGIN_REMOVED move margin inside the account, not the balance
                moved = moved.add(dec(t.path("amount")));
            }
        }
        assertThat(moved).as("transactions of %s add up to its balance", accountId)
                .isEqualByComparingTo(dec(account.path("balance")));
        assertThat(reserved).as("freeze records of %s add up to frozen", accountId)
                .isEqualByComparingTo(dec(account.path("frozen")));
        assertThat(dec(account.path("frozen")).signum()).isGreaterThanOrEqualTo(0);
        assertThat(dec(account.path("available")).signum()).isGreaterThanOrEqualTo(0);
    }

    /** Every movement of the account, following the pages of GET /accounts/{id}/transactions. */
    public static java.util.List<JsonNode> allTransactions(ApiClient api, String accountId) {
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/accounts/" + accountId + "/transactions?limit=1000"
                    + (cursor == null ? "" : "&cursor=" + cursor)).body();
            page.path("items").forEach(all::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }
}
