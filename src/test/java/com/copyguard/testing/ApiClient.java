package com.copyguard.testing;

import com.copyguard.engine.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP against a running copyguard: what an API client does, nothing mocked. Every request
 * carries the client's bearer token (RunningService and JarProcess hand out clients with the data
 * directory's admin token; {@link #as} gives one with another token).
 */
public final class ApiClient {
    private static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient http;
    private final String base;
    private final String token;

    /** A client without a token: only the open probes answer it. */
    public ApiClient(int port) {
        this(port, null);
    }

    public ApiClient(int port, String token) {
        this(PLAIN, "http://127.0.0.1:" + port, token);
    }

    /** A client for {@code base} (e.g. https://127.0.0.1:PORT) over {@code http}, sending {@code token} (null: none). */
    public ApiClient(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    /** The same service with another bearer token (null: none). */
    public ApiClient as(String otherToken) {
        return new ApiClient(http, base, otherToken);
    }

    public String token() {
        return token;
    }

    /** The admin token the service wrote to its data directory when it started. */
    public static String adminToken(java.nio.file.Path dataDir) {
        try {
            return java.nio.file.Files.readString(dataDir.resolve("admin.token")).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
        return send(request(path).GET());
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
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder json(String path, String body) {
        return request(path).header("content-type", "application/json");
    }

    /** Any request: the one place where the token is added. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    /** Sends a request built from {@link #request} with a method and body of the caller's choosing. */
    public Response send(String method, String path, String json) {
        HttpRequest.Builder b = json == null ? request(path).method(method, HttpRequest.BodyPublishers.noBody())
                : json(path, json).method(method, HttpRequest.BodyPublishers.ofString(json));
        return send(b);
    }

    /** The raw response with headers, for tests that look at them. */
    public HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
