package org.steward.sharing.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.Page;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.platform.security.api.Roles;
import org.steward.sharing.internal.control.Propagations;
import org.steward.sharing.internal.control.Register;
import org.steward.sharing.internal.entity.Propagation;
import org.steward.sharing.internal.entity.Subprocessor;

/**
 * The outbound propagation tasks: the admin queue of MANUAL ones, and every other task's progress. A privacy officer
 * confirms a task the recipient carried out, or waives it with a reason.
 */
@Path("v1/sharing/propagations")
@Tag(name = "sharing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class PropagationsResource {

    @Inject
    Propagations propagations;

    @Inject
    Register register;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @GET
    @Operation(summary = "Propagation tasks, oldest first, by state, connector, recipient, or overdue ones only")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public PropagationPage listPropagations(
            @Parameter(schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"PENDING", "FAILING", "SENT", "CONFIRMED", "WAIVED"})) @QueryParam("state") String state,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"MANUAL", "WEBHOOK", "OPENDSR"}))
            @QueryParam("connector") String connector,
            @QueryParam("recipient") String recipient,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"true", "false"}))
            @QueryParam("overdue") String overdue,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        String recipientId = null;
        if (recipient != null && !recipient.isEmpty()) {
            Subprocessor s = register.find(recipient);
            if (s == null) {
                throw ProblemException.invalid("recipient", "no subprocessor has this id or name");
            }
            recipientId = s.id();
        }
        OffsetDateTime now = Times.now(clock);
        Page<PropagationView> p = page.page(propagations.list(parse(Propagation.State.class, "state", state),
                        parse(Subprocessor.Connector.class, "connector", connector), recipientId, flag(overdue),
                        page.after(), page.fetchSize()), Propagation::id,
                t -> PropagationView.of(t, em.find(Subprocessor.class, t.recipientId()), now));
        return new PropagationPage(p.items(), p.nextCursor());
    }

    @GET
    @Path("{propagationId}")
    @Operation(summary = "One propagation task")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public PropagationView getPropagation(@PathParam("propagationId") String propagationId) {
        Propagation p = propagations.get(propagationId);
        return PropagationView.of(p, em.find(Subprocessor.class, p.recipientId()), Times.now(clock));
    }

    @POST
    @Path("{propagationId}/confirmation")
    @Operation(summary = "Confirm that the recipient carried the task out (audited); closes it")
    @RolesAllowed({Roles.PRIVACY_OFFICER})
    @Audited(action = "sharing.propagation.confirm", target = "propagation", id = "propagationId")
    public PropagationView confirmPropagation(@PathParam("propagationId") String propagationId,
                                              @Valid NoteInput body) {
        String note = body == null ? null : body.note();
        return view(propagations.close(propagationId, Propagation.State.CONFIRMED, caller.get().id(), note));
    }

    @POST
    @Path("{propagationId}/waiver")
    @Operation(summary = "Waive the task with a reason (audited): e.g. the recipient no longer holds the data, or"
            + " telling it is impossible or disproportionate (Art. 19); closes it")
    @RolesAllowed({Roles.PRIVACY_OFFICER})
    @Audited(action = "sharing.propagation.waive", target = "propagation", id = "propagationId")
    public PropagationView waivePropagation(@PathParam("propagationId") String propagationId,
                                            @Valid ReasonInput body) {
        return view(propagations.close(propagationId, Propagation.State.WAIVED, caller.get().id(),
                Bodies.require(body).reason().strip()));
    }

    private PropagationView view(Propagation p) {
        return PropagationView.of(p, em.find(Subprocessor.class, p.recipientId()), Times.now(clock));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static boolean flag(String value) {
        if (value == null || value.isEmpty() || "false".equals(value)) {
            return false;
        }
        if ("true".equals(value)) {
            return true;
        }
        throw ProblemException.invalid("overdue", "must be true or false");
    }
}
