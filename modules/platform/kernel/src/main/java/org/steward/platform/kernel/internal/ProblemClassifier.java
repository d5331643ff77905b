package org.steward.platform.kernel.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.steward.platform.kernel.api.DatabaseOutage;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

/**
 * Turns any throwable that escapes a resource into the problem the client should see. Pure logic, so that every branch
 * is unit-tested; the JAX-RS mapper only adds the correlation id and writes the response.
 */
public final class ProblemClassifier {

    /** What the client is told. {@code unexpected} marks a bug: it is logged with the correlation id. */
    public record Classified(ProblemType type, String detail, List<FieldError> errors, boolean unexpected) {
    }

    // Yasson nests "Unable to deserialize property 'a' because of: Unable to ... 'b'" for the path a.b.
    private static final Pattern PROPERTY_PATH = Pattern.compile("Unable to deserialize property '([^']+)'");
    private static final Pattern UNMAPPED_PROPERTY = Pattern.compile("Json property (\\S+) can not be mapped");

    private ProblemClassifier() {
    }

    public static Classified classify(Throwable thrown) {
        ProblemException problem = find(thrown, ProblemException.class);
        if (problem != null) {
            return new Classified(problem.type(), problem.getMessage(), problem.errors(), false);
        }
        ConstraintViolationException violations = find(thrown, ConstraintViolationException.class);
        if (violations != null) {
            return fromViolations(violations);
        }
        if (DatabaseOutage.causes(thrown)) {
            return simple(ProblemType.DATABASE_UNAVAILABLE, "The database cannot be reached; retry after a few seconds");
        }
        Throwable json = findJsonError(thrown);
        if (json != null) {
            return fromJson(json);
        }
        if (thrown instanceof NotFoundException) {
            return simple(ProblemType.NOT_FOUND, "There is no resource at this path");
        }
        if (thrown instanceof NotAllowedException) {
            return simple(ProblemType.METHOD_NOT_ALLOWED, "This resource does not support that method");
        }
        if (thrown instanceof NotSupportedException) {
            return simple(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
        }
        if (thrown instanceof NotAcceptableException) {
            return simple(ProblemType.NOT_ACCEPTABLE, "This resource cannot answer in the requested media type");
        }
        if (find(thrown, jakarta.ws.rs.core.NoContentException.class) != null) {
            return simple(ProblemType.MISSING_BODY, "This request needs a JSON body");
        }
        if (thrown instanceof WebApplicationException web) {
            return fromWebApplication(web);
        }
        return new Classified(ProblemType.INTERNAL, "An unexpected error occurred; quote the correlation id",
                List.of(), true);
    }

    private static Classified simple(ProblemType type, String detail) {
        return new Classified(type, detail, List.of(), false);
    }

    private static Classified fromWebApplication(WebApplicationException web) {
        int status = web.getResponse() == null ? 500 : web.getResponse().getStatus();
        String parameter = parameterName(web);
        if (parameter != null) {
            // Jersey's ParamException: a query or header parameter that does not convert to its declared type.
            String message = "has the wrong type or format";
            return new Classified(ProblemType.VALIDATION, parameter + " " + message,
                    List.of(new FieldError(parameter, message)), false);
        }
        for (ProblemType type : ProblemType.values()) {
            if (type.status() == status && status < 500) {
                return simple(type, type.title());
            }
        }
        if (status >= 400 && status < 500) {
            return simple(ProblemType.VALIDATION, "The request is not valid");
        }
        return new Classified(ProblemType.INTERNAL, "An unexpected error occurred; quote the correlation id",
                List.of(), true);
    }

    private static String parameterName(WebApplicationException web) {
        try {
            Method getter = web.getClass().getMethod("getParameterName");
            Object name = getter.invoke(web);
            return name == null ? null : name.toString();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static Classified fromViolations(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid");
        return new Classified(ProblemType.VALIDATION, detail, errors, false);
    }

    /** The part of a violation path that the client wrote: after the method and parameter nodes. */
    static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            // A node's index is its position in the container named by the previous node: items[0].name, tags[1].
            if (node.isInIterable() && node.getIndex() != null) {
                String position = "[" + node.getIndex() + "]";
                if (names.isEmpty()) {
                    names.add(position);
                } else {
                    names.set(names.size() - 1, names.get(names.size() - 1) + position);
                }
            }
            // A container element ("<list element>", "<map value>") has no name of its own in the JSON. Map keys
            // are not echoed: they are client data, and may be personal data.
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                names.add(node.getName());
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", names);
    }

    private static Throwable findJsonError(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("jakarta.json.") || name.startsWith("org.eclipse.yasson.")
                    || name.startsWith("org.glassfish.json.") || name.startsWith("org.eclipse.parsson.")) {
                return t;
            }
        }
        return null;
    }

    private static Classified fromJson(Throwable json) {
        String top = json.getMessage() == null ? "" : json.getMessage();
        List<String> path = new ArrayList<>();
        Matcher property = PROPERTY_PATH.matcher(top);
        while (property.find()) {
            path.add(property.group(1));
        }
        Matcher unknown = UNMAPPED_PROPERTY.matcher(top);
        if (unknown.find()) {
            path.add(unknown.group(1));
            String field = String.join(".", path);
            return new Classified(ProblemType.UNKNOWN_FIELD, "The field '" + field + "' is not allowed here",
                    List.of(new FieldError(field, "is not a known field")), false);
        }
        if (find(json, jakarta.json.stream.JsonParsingException.class) != null) {
            return simple(ProblemType.MALFORMED_JSON, "The body could not be parsed as JSON");
        }
        if (!path.isEmpty()) {
            String field = String.join(".", path);
            return new Classified(ProblemType.WRONG_TYPE, "The field '" + field + "' has the wrong type or format",
                    List.of(new FieldError(field, "has the wrong type or format")), false);
        }
        return simple(ProblemType.MALFORMED_JSON, "The body must be a JSON object of the documented shape");
    }

    static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
