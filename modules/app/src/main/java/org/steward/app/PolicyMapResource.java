package org.steward.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.security.api.Roles;

/**
 * The promise map for auditors: which clause of the privacy policy is enforced, by what, and proven by which test.
 * It is the committed docs/policy-map.yaml as packaged in this build, so it says what this build does. Not audited:
 * it holds no personal data.
 */
@Path("v1/policy-map")
@Tag(name = "policy-map", description = "Which promise of the privacy policy is kept by which code and test")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PolicyMapResource {

    @Schema(name = "PolicyMap")
    public record View(@Schema(required = true, description = "The policy the clauses come from") String policy,
                       @Schema(required = true, description = "How many clauses are in each state") States states,
                       @Schema(required = true, type = SchemaType.ARRAY, implementation = ClauseView.class)
                       List<ClauseView> clauses) {
    }

    @Schema(name = "PolicyMapStates")
    public record States(@Schema(required = true) int enforced,
                         @Schema(required = true) int partial,
                         @Schema(required = true) int notEnforced) {
    }

    @Schema(name = "PolicyClause")
    public record ClauseView(@Schema(required = true, example = "§11") String id,
                             @Schema(required = true) String title,
                             @Schema(required = true) String promise,
                             @Schema(required = true, enumeration = {"enforced", "partial", "not-enforced"})
                             String state,
                             @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
                             List<String> enforcedBy,
                             @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
                             List<String> provedBy,
                             String notes) {
    }

    @GET
    @Operation(summary = "The promise map: each clause of the privacy policy, its state, the enforcing classes and "
            + "the proving tests")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public View policyMap() {
        PolicyMap map = PolicyMap.packaged();
        States states = new States(count(map, "enforced"), count(map, "partial"), count(map, "not-enforced"));
        return new View(map.policy(), states, map.clauses().stream().map(c -> new ClauseView(c.id(), c.title(),
                c.promise(), c.state(), c.enforcedBy(), c.provedBy(), c.notes())).toList());
    }

    private static int count(PolicyMap map, String state) {
        return (int) map.clauses().stream().filter(c -> c.state().equals(state)).count();
    }
}
