package org.steward.platform.kernel.internal;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Strict JSON: a request field that the schema does not declare is refused, not silently dropped. Record types have
 * fixed schemas (policy §7), and a typo in a field name must not lose data without telling the client.
 */
@Provider
public class JsonbConfigResolver implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(config());

    public static JsonbConfig config() {
        JsonbConfig config = new JsonbConfig().withNullValues(false);
        config.setProperty("jsonb.fail-on-unknown-properties", true);
        return config;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
