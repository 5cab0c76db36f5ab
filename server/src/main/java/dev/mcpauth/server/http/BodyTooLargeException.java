package dev.mcpauth.server.http;

import java.io.IOException;

/** A response body grew past the cap {@link BoundedHttp} was given; the exchange was cancelled. */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(int maxBytes) {
        super("more than " + maxBytes + " bytes");
    }
}
