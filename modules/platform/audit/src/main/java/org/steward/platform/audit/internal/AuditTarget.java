package org.steward.platform.audit.internal;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.regex.Pattern;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Ids;

/** Finds the id of an audited call's target, and makes sure only ids ever reach the log. */
final class AuditTarget {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,19}");

    private AuditTarget() {
    }

    /** The target id of a call: the named path parameter's value, or else the id of what the method returned. */
    static String of(Audited audited, Method method, Object[] arguments, Object result) {
        if (!audited.id().isEmpty()) {
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                PathParam p = parameters[i].getAnnotation(PathParam.class);
                if (p != null && p.value().equals(audited.id())) {
                    return idOrNull(arguments[i] == null ? null : arguments[i].toString());
                }
            }
            throw new IllegalStateException(method + " is @Audited by the path parameter '" + audited.id()
                    + "' but has none of that name");
        }
        Object entity = result instanceof Response r ? r.getEntity() : result;
        return entity == null ? null : idOrNull(idAccessor(entity));
    }

    /**
     * The text if it has the shape of an id (a UUID or a number), else null. A client can put anything in a path,
     * an email address included, and the log must never hold personal data values.
     */
    static String idOrNull(String text) {
        if (text == null) {
            return null;
        }
        return NUMBER.matcher(text).matches() || Ids.parseOrNull(text) != null ? text : null;
    }

    private static String idAccessor(Object entity) {
        try {
            Method id = entity.getClass().getMethod("id");
            Object value = id.invoke(entity);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException e) {
            return null; // nothing with an id was returned
        }
    }
}
