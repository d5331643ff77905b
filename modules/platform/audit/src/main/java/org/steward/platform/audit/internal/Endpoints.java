package org.steward.platform.audit.internal;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.regex.Pattern;

/** Names an endpoint by its method and path template, never by a concrete path, which holds ids or worse. */
final class Endpoints {

    private static final Pattern REGEX_PARAM = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");

    private Endpoints() {
    }

    /** "GET /api/v1/tenants/{tenantId}", from the matched resource class and method. */
    static String template(String httpMethod, String basePath, Class<?> resourceClass, Method resourceMethod) {
        StringBuilder path = new StringBuilder(basePath == null ? "/" : basePath);
        append(path, pathOf(resourceClass));
        append(path, resourceMethod.getAnnotation(Path.class));
        String template = REGEX_PARAM.matcher(path).replaceAll("{$1}");
        if (template.length() > 1 && template.endsWith("/")) {
            template = template.substring(0, template.length() - 1);
        }
        return httpMethod + " " + template;
    }

    /**
     * For a request that matched no resource method: the path with every segment that is not a plain lower-case
     * word replaced by "{}", so that no id, name or email from the path reaches the log.
     */
    static String masked(String httpMethod, String rawPath) {
        StringBuilder out = new StringBuilder();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            out.append('/').append(WORD.matcher(segment).matches() && segment.length() <= 40 ? segment : "{}");
        }
        return httpMethod + " " + (out.length() == 0 ? "/" : out);
    }

    private static Path pathOf(Class<?> type) {
        // A CDI proxy subclass carries no @Path of its own.
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Path p = c.getAnnotation(Path.class);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static void append(StringBuilder path, Path p) {
        if (p == null) {
            return;
        }
        String v = p.value();
        if (path.length() == 0 || path.charAt(path.length() - 1) != '/') {
            path.append('/');
        }
        path.append(v.startsWith("/") ? v.substring(1) : v);
    }
}
