package com.copyguard.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.copyguard.durability.journal.SqliteJournal;
import com.copyguard.testing.ApiClient;
import com.copyguard.testing.ApiClient.Response;
import com.copyguard.testing.RunningService;
import com.copyguard.testing.TempDirs;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rule activation under four eyes: a rules-author proposes, the same person cannot approve even
 * holding rules-admin, another rules-admin's approval activates the version, and both people are
 * in the journal (also after a restart replays it) and in GET /rules.
 */
class FourEyesIT {

    @Test
    void aProposalIsActivatedOnlyByAnotherPerson() throws Exception {
        Path data = Files.createTempDirectory("copyguard-four-eyes");
        try (RunningService service = RunningService.start(data); Tokens4Tests tokens = new Tokens4Tests(data)) {
            ApiClient author = service.api().as(tokens.token("alice", Role.RULES_AUTHOR, null));
            ApiClient aliceAsAdmin = service.api().as(tokens.token("alice", Role.RULES_ADMIN, null));
            ApiClient bob = service.api().as(tokens.token("bob", Role.RULES_ADMIN, null));
            String before = author.get("/rules").text("active");
            String target = before.equals("v1") ? "v2" : "v1";

            assertThat(aliceAsAdmin.post("/rules/activate", "{\"version\":\"" + target + "\"}").status())
                    .as("single-person activation is admin only").isEqualTo(403);
            assertThat(author.post("/rules/proposals/P1/approve", "").status()).as("authors do not approve").isEqualTo(403);

            Response proposed = author.post("/rules/proposals", "{\"version\":\"" + target + "\"}");
            assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
            String id = proposed.text("proposalId");
            assertThat(proposed.text("version")).isEqualTo(target);
            assertThat(proposed.body().path("proposedBy").path("subject").asText()).isEqualTo("alice");

            Response self = aliceAsAdmin.post("/rules/proposals/" + id + "/approve", "");
            assertThat(self.status()).as(self.raw()).isEqualTo(403);
            assertThat(self.error()).isEqualTo("SELF_APPROVAL");
            assertThat(author.get("/rules").text("active")).isEqualTo(before);

            Response approved = bob.post("/rules/proposals/" + id + "/approve", "");
            assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
            assertThat(approved.text("active")).isEqualTo(target);
            assertThat(bob.post("/rules/proposals/" + id + "/approve", "").status()).as("decided once").isEqualTo(409);

            JsonNode rules = author.get("/rules").body();
            assertThat(rules.path("active").asText()).isEqualTo(target);
            assertPeople(rules.path("lastActivation"), id);
            JsonNode listed = author.get("/rules/proposals").body();
            assertThat(listed).anySatisfy(p -> {
                assertThat(p.path("proposalId").asText()).isEqualTo(id);
                assertThat(p.path("status").asText()).isEqualTo("APPROVED");
                assertThat(p.path("approvedBy").path("subject").asText()).isEqualTo("bob");
            });

            Response second = author.post("/rules/proposals", "{\"version\":\"" + before + "\"}");
            Response rejected = bob.post("/rules/proposals/" + second.text("proposalId") + "/reject", "");
            assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
            assertThat(rejected.text("status")).isEqualTo("REJECTED");
            assertThat(bob.post("/rules/proposals/" + second.text("proposalId") + "/approve", "").status()).isEqualTo(409);
            assertThat(author.get("/rules").text("active")).isEqualTo(target);
        }

        List<String> activations = new ArrayList<>();
        try (SqliteJournal journal = new SqliteJournal(data)) {
            journal.readAfter(0, e -> {
                if (e.payload().contains("\"ActivateRules\"") && e.payload().contains("\"proposalId\":\"P")) {
                    activations.add(e.payload());
                }
            });
        }
        assertThat(activations).hasSize(1);
        JsonNode journaled = com.copyguard.json.Json.MAPPER.readTree(activations.get(0));
        assertThat(journaled.path("proposedBy").path("subject").asText()).isEqualTo("alice");
        assertThat(journaled.path("approvedBy").path("subject").asText()).isEqualTo("bob");
        assertThat(journaled.path("sentBy").path("subject").asText()).isEqualTo("bob");

        try (RunningService again = RunningService.start(data)) {
            assertPeople(again.api().get("/rules").body().path("lastActivation"), journaled.path("proposalId").asText());
        }
        TempDirs.delete(data);
    }

    private static void assertPeople(JsonNode activation, String proposalId) {
        assertThat(activation.path("proposalId").asText()).isEqualTo(proposalId);
        assertThat(activation.path("proposedBy").path("subject").asText()).isEqualTo("alice");
        assertThat(activation.path("proposedBy").path("role").asText()).isEqualTo("rules-author");
        assertThat(activation.path("approvedBy").path("subject").asText()).isEqualTo("bob");
        assertThat(activation.path("approvedBy").path("role").asText()).isEqualTo("rules-admin");
    }
}
