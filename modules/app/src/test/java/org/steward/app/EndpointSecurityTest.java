package org.steward.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every REST method declares who may call it: {@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll}, on the
 * method or its class. A new endpoint without a rule fails here, before it can ship unprotected. (The authorization
 * matrix integration test then checks that the rules do what the table says.)
 */
class EndpointSecurityTest {

    private static final List<Class<? extends java.lang.annotation.Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class, HEAD.class, OPTIONS.class);

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.steward");

    @Test
    void everyResourceMethodDeclaresItsAccessRule() {
        methods().that(new com.tngtech.archunit.base.DescribedPredicate<JavaMethod>("are REST resource methods") {
                    @Override
                    public boolean test(JavaMethod m) {
                        return isResourceMethod(m);
                    }
                })
                .should(new ArchCondition<JavaMethod>("declare @RolesAllowed, @PermitAll or @DenyAll") {
                    @Override
                    public void check(JavaMethod m, ConditionEvents events) {
                        boolean declared = hasRule(m.isAnnotatedWith(RolesAllowed.class), m.isAnnotatedWith(
                                PermitAll.class), m.isAnnotatedWith(DenyAll.class))
                                || hasRule(m.getOwner().isAnnotatedWith(RolesAllowed.class),
                                m.getOwner().isAnnotatedWith(PermitAll.class),
                                m.getOwner().isAnnotatedWith(DenyAll.class));
                        if (!declared) {
                            events.add(SimpleConditionEvent.violated(m, m.getFullName()
                                    + " has no @RolesAllowed, @PermitAll or @DenyAll"));
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void theRuleSeesTheResources() {
        long resourceMethods = CLASSES.stream().flatMap(c -> c.getMethods().stream())
                .filter(EndpointSecurityTest::isResourceMethod).count();
        assertThat(resourceMethods).isGreaterThan(30);
    }

    private static boolean isResourceMethod(JavaMethod m) {
        return HTTP_METHODS.stream().anyMatch(m::isAnnotatedWith);
    }

    private static boolean hasRule(boolean... flags) {
        for (boolean f : flags) {
            if (f) {
                return true;
            }
        }
        return false;
    }
}
