package com.copyguard.testing;

import com.copyguard.json.Json;
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

    /**
     * Opens {@code path} as a stream of lines (Server-Sent Events), sending {@code Last-Event-ID}
     * when it is not null. Closing the returned stream closes the connection.
     */
    public HttpResponse<java.util.stream.Stream<String>> stream(String path, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
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

    /**
     * Sends a request exactly as given, byte for byte, over a plain socket: for request targets that
     * java.net.http refuses to send (malformed percent-escapes, huge paths) and bodies of any content type.
     * {@code target} is the raw request target (path and query); {@code contentType} may be null.
     */
    public Response raw(String method, String target, String contentType, byte[] body) {
        int port = URI.create(base).getPort();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("host: 127.0.0.1:").append(port).append("\r\nconnection: close\r\n");
            if (token != null) {
                head.append("authorization: Bearer ").append(token).append("\r\n");
            }
            if (contentType != null) {
                head.append("content-type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                head.append("content-length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // the server may answer (413) and close before reading an oversize body: read its answer
                }
            }
            out.flush();
            byte[] reply = socket.getInputStream().readAllBytes();
            return parseRaw(new String(reply, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Response parseRaw(String reply) throws IOException {
        int end = reply.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete HTTP response: " + reply.substring(0, Math.min(200, reply.length())));
        }
        String[] head = reply.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        String ct = "";
        for (String h : head) {
            if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                ct = h.substring("content-type:".length()).trim();
            }
        }
        String raw = reply.substring(end + 4);
        JsonNode body = ct.contains("json") && !raw.isEmpty() ? Json.MAPPER.readTree(raw) : null;
        return new Response(status, body, raw);
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
