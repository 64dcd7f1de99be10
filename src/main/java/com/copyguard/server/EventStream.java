package com.copyguard.server;

import com.copyguard.command.ApiException;
import com.copyguard.events.EventFilter;
import com.copyguard.events.EventRing;
import com.copyguard.events.EventType;
import com.copyguard.events.LiveEvent;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * GET /events: Server-Sent Events from the {@link EventRing}. Each event is {@code id: N} and one
 * JSON {@code data:} line. A client that reconnects with {@code Last-Event-ID} (or
 * {@code lastEventId=}) first gets the held events after that id, then the live ones, with no gap
 * and no duplicate: it is registered and handed its backlog atomically, and everything is written
 * in order on the connection's event loop. A client that cannot keep up is disconnected (it
 * resumes from its last id) rather than buffered without bound.
 */
final class EventStream {
    private static final long KEEP_ALIVE_MILLIS = 15_000;
    private final EventRing ring;

    EventStream(EventRing ring) {
        this.ring = ring;
    }

    void handle(RoutingContext ctx) {
        EventFilter filter;
        Long after;
        try {
            var q = ctx.queryParams();
            filter = new EventFilter(q.get("followerId"), q.get("subscriptionId"), q.get("expertId"),
                    types(q.get("types")));
            String last = ctx.request().getHeader("Last-Event-ID");
            after = lastId(last != null && !last.isBlank() ? last : q.get("lastEventId"));
        } catch (RuntimeException e) {
            ErrorResponder.fail(ctx, e);
            return;
        }
        HttpServerResponse res = ctx.response();
        Context context = ctx.vertx().getOrCreateContext();
        long[] lastSent = {after == null ? Long.MIN_VALUE : after};
        EventRing.Subscriber[] self = new EventRing.Subscriber[1];
        self[0] = new EventRing.Subscriber(filter, events -> context.runOnContext(v -> send(ctx, events, lastSent, self[0])));
        List<LiveEvent> backlog;
        try {
            backlog = ring.subscribe(after, self[0]);
        } catch (RuntimeException e) {
            ErrorResponder.fail(ctx, e);
            return;
        }
        res.setChunked(true).setStatusCode(200)
                .putHeader("content-type", "text/event-stream; charset=utf-8")
                .putHeader("cache-control", "no-store")
                .putHeader("x-accel-buffering", "no");
        res.write("retry: 1000\n: copyguard events after " + (after == null ? ring.lastId() : after) + "\n\n");
        long timer = ctx.vertx().setPeriodic(KEEP_ALIVE_MILLIS, id -> {
            if (!res.closed()) {
                res.write(": keep-alive\n\n");
            }
        });
        res.closeHandler(v -> {
            ring.unsubscribe(self[0]);
            ctx.vertx().cancelTimer(timer);
        });
        send(ctx, backlog, lastSent, self[0]);
    }

    private void send(RoutingContext ctx, List<LiveEvent> events, long[] lastSent, EventRing.Subscriber self) {
        HttpServerResponse res = ctx.response();
        if (res.closed() || res.ended()) {
            ring.unsubscribe(self);
            return;
        }
        Buffer out = Buffer.buffer();
        for (LiveEvent e : events) {
            if (e.id() > lastSent[0]) {
                out.appendString("id: ").appendString(Long.toString(e.id())).appendString("\ndata: ")
                        .appendString(e.json()).appendString("\n\n");
                lastSent[0] = e.id();
            }
        }
        if (out.length() > 0) {
            res.write(out);
        }
        if (res.writeQueueFull()) {
            // a reader this far behind resumes from its last id instead of holding memory here
            ring.unsubscribe(self);
            ctx.request().connection().close();
        }
    }

    private static Set<EventType> types(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Set<EventType> set = EnumSet.noneOf(EventType.class);
        for (String t : value.split(",")) {
            try {
                set.add(EventType.valueOf(t.trim()));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("types must be a comma-separated list of " + List.of(EventType.values())
                        + "; got '" + t.trim() + "'");
            }
        }
        return set;
    }

    private static Long lastId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("Last-Event-ID must be an event id this service sent; got '" + value + "'");
        }
    }
}
