package org.steward.sharing.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.security.api.Roles;
import org.steward.sharing.internal.control.Register;
import org.steward.sharing.internal.control.Terms;
import org.steward.sharing.internal.entity.Subprocessor;

/** The register as staff keep it: propose, change, retire, and set how each recipient is told of erasures. */
@Path("v1/sharing/subprocessors")
@Tag(name = "sharing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class RegisterResource {

    @Inject
    Register register;

    @GET
    @Operation(summary = "Every subprocessor, with its connector: proposed, active and retired ones")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public List<SubprocessorView> listSubprocessors(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"PROPOSED", "ACTIVE", "RETIRED"}))
            @QueryParam("status") String status) {
        return register.list(status(status)).stream().map(s -> SubprocessorView.of(s, true)).toList();
    }

    @POST
    @Operation(summary = "Propose a subprocessor (audited): a notice opens the objection window; it becomes active"
            + " when the window ends")
    @APIResponse(responseCode = "201", description = "Proposed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubprocessorView.class)))
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "sharing.subprocessor.propose", target = "subprocessor")
    public Response proposeSubprocessor(@Valid SubprocessorInput body, @Context UriInfo uri) {
        SubprocessorInput in = Bodies.require(body);
        Subprocessor s = register.propose(new Terms(in.name(), Subprocessor.Category.valueOf(in.category()),
                in.purpose(), in.dataCategories(), in.countries(),
                Subprocessor.TransferMechanism.valueOf(in.transferMechanism()), in.dpaReference()));
        return Response.created(uri.getAbsolutePathBuilder().path(s.id()).build())
                .entity(SubprocessorView.of(s, true)).build();
    }

    @GET
    @Path("{subprocessorId}")
    @Operation(summary = "One subprocessor, with its connector")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public SubprocessorView getSubprocessor(@PathParam("subprocessorId") String subprocessorId) {
        return SubprocessorView.of(register.get(subprocessorId), true);
    }

    @PATCH
    @Path("{subprocessorId}")
    @Operation(summary = "Change a subprocessor (audited): more data categories wait for a notice's objection window;"
            + " anything else applies at once and is announced")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "sharing.subprocessor.change", target = "subprocessor", id = "subprocessorId")
    public SubprocessorView changeSubprocessor(@PathParam("subprocessorId") String subprocessorId,
                                               @Valid SubprocessorChangeInput body) {
        SubprocessorChangeInput in = Bodies.require(body);
        return SubprocessorView.of(register.change(subprocessorId, new Terms(in.name(),
                in.category() == null ? null : Subprocessor.Category.valueOf(in.category()), in.purpose(),
                in.dataCategories(), in.countries(), in.transferMechanism() == null ? null
                : Subprocessor.TransferMechanism.valueOf(in.transferMechanism()), in.dpaReference())), true);
    }

    @POST
    @Path("{subprocessorId}/retirement")
    @Operation(summary = "Retire a subprocessor (audited): it receives nothing from now on; recipients of past"
            + " disclosures are still told of erasures")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "sharing.subprocessor.retire", target = "subprocessor", id = "subprocessorId")
    public SubprocessorView retireSubprocessor(@PathParam("subprocessorId") String subprocessorId,
                                               @Valid ReasonInput body) {
        return SubprocessorView.of(register.retire(subprocessorId, Bodies.require(body).reason()), true);
    }

    @PUT
    @Path("{subprocessorId}/connector")
    @Operation(summary = "Set how the recipient is told of erasures, corrections and restrictions (audited); a"
            + " WEBHOOK gets a new signing secret, answered once")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Audited(action = "sharing.subprocessor.connect", target = "subprocessor", id = "subprocessorId")
    public SubprocessorView connectSubprocessor(@PathParam("subprocessorId") String subprocessorId,
                                                @Valid ConnectorInput body) {
        ConnectorInput in = Bodies.require(body);
        Register.Connected c = register.connect(subprocessorId, Subprocessor.Connector.valueOf(in.connector()),
                in.url(), in.certificatePem(), in.dueDays());
        return SubprocessorView.of(c.subprocessor(), SubprocessorView.ConnectorView.of(c.subprocessor(), c.secret()));
    }

    private static Subprocessor.Status status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        try {
            return Subprocessor.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be PROPOSED, ACTIVE or RETIRED");
        }
    }
}
