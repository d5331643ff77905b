package org.steward.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two calls that look free and are not, each found by a profile (bench/README.md): main code must not make them.
 * Each rule is also shown to fail on a class that makes the call.
 */
class HotPathRulesTest {

    /** Json.createValue and friends look the JSON-P provider up on every call, through the server's class loaders. */
    static final ArchRule ONE_JSON_PROVIDER = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName(Json.class.getName())
            .because("jakarta.json.Json looks its provider up on every call: use kernel.api.Jsonp.JSON");

    /** isUserInRole and isCallerInRole go through JACC: a protection domain and a permission collection for each call. */
    static final ArchRule ROLES_FROM_THE_CALLER = noClasses().should()
            .callMethod(SecurityContext.class, "isUserInRole", String.class)
            .orShould().callMethod(HttpServletRequest.class, "isUserInRole", String.class)
            .orShould().callMethod(jakarta.security.enterprise.SecurityContext.class, "isCallerInRole", String.class)
            .because("the container's isUserInRole asks JACC each time: read the roles of CurrentCaller");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.steward");
    }

    @Test
    void mainCodeUsesTheOneJsonProvider() {
        ONE_JSON_PROVIDER.check(main);
    }

    @Test
    void mainCodeReadsRolesFromTheCaller() {
        ROLES_FROM_THE_CALLER.check(main);
    }

    @Test
    void eachRuleFailsOnACallItForbids() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);
        assertThatThrownBy(() -> ONE_JSON_PROVIDER.check(offender)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Offender");
        assertThatThrownBy(() -> ROLES_FROM_THE_CALLER.check(offender)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("isUserInRole");
    }

    static final class Offender {

        JsonValue value() {
            return Json.createValue("x");
        }

        boolean staff(SecurityContext security) {
            return security.isUserInRole("ADMIN");
        }
    }
}
