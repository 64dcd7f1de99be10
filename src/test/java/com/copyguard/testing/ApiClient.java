package com.copyguard.testing;

import com.copyguard.engine.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP against a running copyguard: what an API client does, nothing mocked. */
public final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, JsonNode body, String raw) {
        public String text(String field) {
            return body.path(field).asText();
        }

        public String error() {
            return body.path("error").asText();
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, String json) {
        return send(json(path, json).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(json(path, json).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String json) {
        return send(json(path, json).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /**
     * Opens {@code path} as a stream of lines (Server-Sent Events), sending {@code Last-Event-ID}
     * when it is not null. Closing the returned stream closes the connection.
     */
    public HttpResponse<java.util.stream.Stream<String>> stream(String path, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service's base address, for a browser to open its pages. */
    public String baseUrl() {
        return base;
    }

    private HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("content-type", "application/json");
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            String ct = r.headers().firstValue("content-type").orElse("");
            if (ct.contains("json") && !r.body().isEmpty()) {
                body = Json.MAPPER.readTree(r.body());
            }
            return new Response(r.statusCode(), body, r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
