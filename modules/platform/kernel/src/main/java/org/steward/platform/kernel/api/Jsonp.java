package org.steward.platform.kernel.api;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code Json.createValue}, {@code Json.createReader} and friends look the
 * provider up on every call: in the application server that is a service-loader search through the class loaders,
 * under their locks. On the consent write path it was a fifth of the CPU, and the threads queued on the loaders.
 */
public final class Jsonp {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {
    }
}
