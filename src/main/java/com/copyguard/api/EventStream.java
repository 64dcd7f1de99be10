package com.copyguard.api;

import com.copyguard.core.refusal.InputRefused;
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
            // read strictly from the contract, as every list is: an unknown or repeated parameter is a 400
            ListQuery q = ListQuery.of(ctx, "streamEvents");
            // a follower's token confines its stream to its own events, whatever it asked for
            String owner = AccessControl.followerFilter(ctx);
            filter = new EventFilter(owner != null ? owner : q.text("followerId"), q.text("subscriptionId"),
                    q.text("expertId"), types(q.text("types")));
            String last = ctx.request().getHeader("Last-Event-ID");
            after = lastId(last != null && !last.isBlank() ? last : q.text("lastEventId"));
        } catch (RuntimeException e) {
            ErrorResponder.fail(ctx, e);
            return;
        }
        new Connection(ctx, after == null ? Long.MIN_VALUE : after).open(filter, after);
    }

    /** One open stream: writes events in id order on its event loop, each at most once. */
    private final class Connection {
        private final RoutingContext ctx;
        private final HttpServerResponse res;
        private long lastSent;
        private EventRing.Subscriber subscriber;

        Connection(RoutingContext ctx, long lastSent) {
            this.ctx = ctx;
            this.res = ctx.response();
            this.lastSent = lastSent;
        }

        void open(EventFilter filter, Long after) {
            Context context = ctx.vertx().getOrCreateContext();
            subscriber = new EventRing.Subscriber(filter, events -> context.runOnContext(v -> send(events)));
            List<LiveEvent> backlog;
            try {
                backlog = ring.subscribe(after, subscriber);
            } catch (RuntimeException e) {
                ErrorResponder.fail(ctx, e);
                return;
            }
            res.setChunked(true).setStatusCode(200)
                    .putHeader("content-type", "text/event-stream; charset=utf-8")
                    .putHeader("cache-control", "no-store")
                    .putHeader("x-accel-buffering", "no");
            res.write("retry: 1000\n: copyguard events\n\n");
            long timer = ctx.vertx().setPeriodic(KEEP_ALIVE_MILLIS, id -> {
                if (!res.closed()) {
                    res.write(": keep-alive\n\n");
                }
            });
            res.closeHandler(v -> {
                ring.unsubscribe(subscriber);
                ctx.vertx().cancelTimer(timer);
            });
            // live events queue behind this on the same event loop, so the backlog goes first
            send(backlog);
        }

        private void send(List<LiveEvent> events) {
            if (res.closed() || res.ended()) {
                ring.unsubscribe(subscriber);
                return;
            }
            Buffer out = Buffer.buffer();
            for (LiveEvent e : events) {
                if (e.id() > lastSent) {
                    out.appendString("id: ").appendString(Long.toString(e.id())).appendString("\ndata: ")
                            .appendString(e.json()).appendString("\n\n");
                    lastSent = e.id();
                }
            }
            if (out.length() > 0) {
                res.write(out);
            }
            if (res.writeQueueFull()) {
                // a reader this far behind resumes from its last id instead of holding memory here
                ring.unsubscribe(subscriber);
                ctx.request().connection().close();
            }
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
                throw InputRefused.invalid("types must be a comma-separated list of " + List.of(EventType.values())
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
            throw InputRefused.invalid("Last-Event-ID must be an event id this service sent; got '" + value + "'");
        }
    }
}
