package org.steward.platform.kernel.internal;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

/**
 * An operation that declares no body refuses one: a client that sends a body to such an operation (a master-key
 * rotation, a revocation) has misunderstood it, and must not have the operation run as if it had sent nothing.
 */
@Provider
public class BodylessOperationFilter implements ContainerRequestFilter {

    static final String MESSAGE = "must be empty: this operation takes no body";

    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, BeanParam.class, Context.class,
            Suspended.class);
    private static final Map<Method, Boolean> TAKES_BODY = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !request.hasEntity()) {
            return;
        }
        if (!TAKES_BODY.computeIfAbsent(method, BodylessOperationFilter::takesBody)) {
            throw new ProblemException(ProblemType.VALIDATION, "body: " + MESSAGE,
                    List.of(new FieldError("body", MESSAGE)));
        }
    }

    static boolean takesBody(Method method) {
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            boolean body = true;
            for (Annotation a : annotations) {
                if (a.annotationType() == FormParam.class) {
                    return true;
                }
                if (NOT_THE_BODY.contains(a.annotationType())) {
                    body = false;
                }
            }
            if (body) {
                return true;
            }
        }
        return false;
    }
}
