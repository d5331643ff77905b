package org.steward.platform.kernel.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose every call is written to the audit log. A success is appended in the method's own
 * transaction (the resource class must be {@code @Transactional}); a refusal is appended separately when the error
 * is answered, because its transaction rolls back.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    /** What happened, as {@code <target>.<verb>}: "subject.rectify", "record.contact.add". */
    @Nonbinding
    String action();

    /** The kind of thing acted on: "tenant", "subject", "record". */
    @Nonbinding
    String target() default "";

    /**
     * The {@code @PathParam} that holds the target's id. Empty for a create: the id is then read from the
     * {@code id()} accessor of the returned entity (or of the {@code Response}'s entity).
     */
    @Nonbinding
    String id() default "";
}
