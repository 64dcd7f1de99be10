package com.copyguard.testing;

import com.copyguard.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client over {@link ApiClient#stream}: parses {@code id:}/{@code data:}
 * blocks on a background thread into a queue that tests take events from.
 */
public final class EventStreamReader implements AutoCloseable {
    /** One received event: its id and its JSON data. */
    public record Event(String id, JsonNode data) {
        public String type() {
            return data.path("type").asText();
        }
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStreamReader(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code /events?query}; fails unless the service answers 200. */
    public static EventStreamReader open(ApiClient api, String query, String lastEventId) {
        HttpResponse<Stream<String>> r = api.stream("/events" + (query.isEmpty() ? "" : "?" + query), lastEventId);
        if (r.statusCode() != 200) {
            String body = String.join("\n", r.body().toList());
            throw new AssertionError("GET /events answered " + r.statusCode() + ": " + body);
        }
        return new EventStreamReader(r);
    }

    private void read() {
        String id = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, Json.MAPPER.readTree(data.toString())));
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // the stream was closed by the test: reading ends
        }
    }

    /** The next event, or an AssertionError after {@code timeout}. */
    public Event next(Duration timeout) {
        try {
            Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                throw new AssertionError("no event within " + timeout);
            }
            return e;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Exactly {@code n} next events. */
    public List<Event> take(int n, Duration timeout) {
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(next(timeout));
        }
        return out;
    }

    /** Events that arrive within {@code quiet} of each other, until none does. */
    public List<Event> drain(Duration quiet) {
        List<Event> out = new ArrayList<>();
        try {
            Event e;
            while ((e = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                out.add(e);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /** Disconnects, as a client that goes away does. */
    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
