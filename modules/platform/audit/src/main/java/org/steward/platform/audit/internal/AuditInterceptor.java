package org.steward.platform.audit.internal;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import org.steward.platform.audit.api.AuditLog;
import org.steward.platform.audit.api.Outcome;
import org.steward.platform.kernel.api.Audited;

/**
 * Appends the entry of a successful {@link Audited} call in the call's own transaction. Its priority puts it inside
 * the {@code @Transactional} interceptor (PLATFORM_BEFORE + 200), so the entry and the change commit together; a
 * failure to append fails the change. Thrown errors are recorded by {@link RefusalAuditor} once answered.
 */
@Audited(action = "") // the members are @Nonbinding: this binds to every @Audited method
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class AuditInterceptor {

    @Inject
    AuditLog log;

    @AroundInvoke
    Object audit(InvocationContext call) throws Exception {
        Object result = call.proceed();
        if (result instanceof Response r && r.getStatus() >= 400) {
            return result; // an error answered without throwing: RefusalAuditor records it like any other
        }
        Audited audited = bindingOf(call);
        log.append(audited.action(), emptyToNull(audited.target()),
                AuditTarget.of(audited, call.getMethod(), call.getParameters(), result), Outcome.SUCCESS);
        return result;
    }

    static Audited bindingOf(InvocationContext call) {
        Audited audited = call.getMethod().getAnnotation(Audited.class);
        return audited != null ? audited : call.getMethod().getDeclaringClass().getAnnotation(Audited.class);
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
