package org.steward.platform.security.internal;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.util.Set;
import org.steward.platform.security.api.CurrentCaller;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on resources, from the caller that the
 * authentication mechanism has already established. It replaces Payara's own filter (switched off in payara-web.xml),
 * which asks the servlet container {@code isUserInRole} for each listed role in turn: through JACC, a fresh
 * protection domain and permission collection every time. Measured on the consent decision: 8.5 % of the CPU, and
 * most of what survived a young collection, so most of the GC pause that made the latency tail (bench/README.md).
 * The method's annotations win over the class's.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

    @Inject
    CurrentCaller caller;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        AnnotatedElement rule = declaresAccess(resource.getResourceMethod()) ? resource.getResourceMethod()
                : declaresAccess(resource.getResourceClass()) ? resource.getResourceClass() : null;
        if (rule == null || rule.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        Set<String> allowed = rule.isAnnotationPresent(DenyAll.class) ? Set.of()
                : Set.of(rule.getAnnotation(RolesAllowed.class).value());
        context.register(new RoleCheck(caller, allowed));
    }

    private static boolean declaresAccess(AnnotatedElement element) {
        return element.isAnnotationPresent(DenyAll.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(RolesAllowed.class);
    }
}
