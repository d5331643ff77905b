package org.steward.platform.kernel.api;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of the current request. A client may send its own in {@code X-Correlation-Id}; anything that
 * does not look like an id is replaced, so that the header can never carry personal data into our logs.
 */
@RequestScoped
public class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private String id;

    public String id() {
        if (id == null) {
            id = UUID.randomUUID().toString();
        }
        return id;
    }

    public void adopt(String candidate) {
        id = candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
