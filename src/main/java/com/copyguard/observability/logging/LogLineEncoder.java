package com.copyguard.observability.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The console encoder: {@code json} (default, {@link JsonLineEncoder}) or {@code text} (a
 * human-readable pattern for local work), chosen by the {@code format} property in logback.xml.
 * One encoder with a switch rather than two appenders, so that the unused one is not configured.
 */
public final class LogLineEncoder extends EncoderBase<ILoggingEvent> {
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg %kvp%n%ex";
    private String format = "json";
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format == null ? "json" : format.trim().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void start() {
        if ("text".equals(format)) {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(getContext());
            text.setPattern(TEXT_PATTERN);
            delegate = text;
        } else {
            if (!"json".equals(format)) {
                addWarn("unknown log format '" + format + "', using json");
            }
            JsonLineEncoder json = new JsonLineEncoder();
            json.setContext(getContext());
            delegate = json;
        }
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
