package org.steward.platform.kernel.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

/**
 * Path and query values are ids, enums, dates and search terms: a control character (NUL above all, which
 * PostgreSQL cannot store or compare) is never legal in one, so it is refused before any resource, and any
 * database, sees it.
 */
@Provider
@PreMatching
@Priority(Priorities.USER + 100)
public class ControlCharacterFilter implements ContainerRequestFilter {

    static final String MESSAGE = "must not contain control characters";

    @Override
    public void filter(ContainerRequestContext request) {
        List<FieldError> errors = check(request.getUriInfo());
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION,
                    errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                            .orElseThrow(), errors);
        }
    }

    static List<FieldError> check(UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        if (hasControl(uri.getPath(true))) {
            errors.add(new FieldError("path", MESSAGE));
        }
        MultivaluedMap<String, String> query = uri.getQueryParameters(true);
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            boolean badName = hasControl(e.getKey());
            boolean badValue = e.getValue().stream().anyMatch(ControlCharacterFilter::hasControl);
            if (badName || badValue) {
                errors.add(new FieldError(badName ? "query" : e.getKey(), MESSAGE));
            }
        }
        return errors;
    }

    static boolean hasControl(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
