package org.steward.subjectrights.internal.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.Page;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.sensitive.SensitiveDataDetector;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.platform.security.api.Role;
import org.steward.platform.security.api.Roles;
import org.steward.subjectrights.api.RequestState;
import org.steward.subjectrights.api.RequestType;
import org.steward.subjectrights.internal.control.CodeVerification;
import org.steward.subjectrights.internal.control.Downloads;
import org.steward.subjectrights.internal.control.Filing;
import org.steward.subjectrights.internal.control.Fulfilment;
import org.steward.subjectrights.internal.control.RequestIntake;
import org.steward.subjectrights.internal.control.RequestKeys;
import org.steward.subjectrights.internal.control.RequestQueries;
import org.steward.subjectrights.internal.control.RequestWorkflow;
import org.steward.subjectrights.internal.control.Timeline;
import org.steward.subjectrights.internal.entity.Request;

/**
 * Data-subject requests (GDPR Art. 12–22, CCPA §1798.100–125, policy §9 and §12): filed by the subject with no
 * account, by staff on their behalf, or by a client app; verified, approved, fulfilled across the modules and
 * closed within the law's deadlines.
 */
@Path("v1/requests")
@Tag(name = "subject-rights")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class RequestsResource {

    static final String TOKEN_HEADER = "X-Request-Token";
    private static final String[] READERS = {Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.ADMIN, Roles.AUDITOR};

    @Inject
    FilingRules rules;

    @Inject
    RequestIntake intake;

    @Inject
    CodeVerification verification;

    @Inject
    RequestWorkflow workflow;

    @Inject
    RequestQueries queries;

    @Inject
    RequestViews views;

    @Inject
    Fulfilment fulfilment;

    @Inject
    Timeline timeline;

    @Inject
    RequestKeys keys;

    @Inject
    Downloads downloads;

    @Inject
    CurrentCaller caller;

    @Inject
    SensitiveDataDetector sensitive;

    @Inject
    jakarta.validation.Validator validator;

    @Context
    UriInfo uriInfo;

    @POST
    @PermitAll
    @Operation(summary = "File a data-subject request (no account needed: a code is mailed to check identity)",
            description = "For browsers without JavaScript, the privacy center's form posts the same request to"
                    + " /api/v1/requests/form as application/x-www-form-urlencoded (fields type, jurisdiction, email,"
                    + " complaint, lift, purposes, correction.<field>); it is answered by an HTML page whose code form"
                    + " posts to /api/v1/requests/{id}/verification/form.")
    @APIResponse(responseCode = "202", description = "Filed; the answer is the same whether or not we hold data"
            + " about the identifier")
    @APIResponse(responseCode = "200", description = "Joined an open request of the same subject and type")
    public Response fileRequest(@Valid RequestInput body) {
        FiledView view = file(Bodies.require(body));
        return Response.status(view.joinedOpenRequest() ? 200 : 202).entity(view).build();
    }

    @POST
    @Path("form")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    // For browsers, not for API clients: left out of the OpenAPI document.
    @Operation(hidden = true)
    public Response fileRequestForm(MultivaluedMap<String, String> form) {
        String root = root();
        try {
            RequestInput in = RequestPages.input(form == null ? new jakarta.ws.rs.core.MultivaluedHashMap<>() : form);
            var violations = validator.validate(in);
            if (!violations.isEmpty()) {
                throw RequestPages.invalid(violations);
            }
            return RequestPages.filed(root, file(in));
        } catch (ProblemException e) {
            throw new RequestPageRefusal(RequestPages.refused(root, e, null));
        }
    }

    private FiledView file(RequestInput in) {
        Filing f = rules.check(in, caller.get());
        if (f.details().complaint() != null) {
            sensitive.refuseIfSensitive("details.complaint", f.details().complaint());
        }
        RequestIntake.Filed filed = intake.file(f);
        Request r = filed.request();
        boolean subject = caller.get().kind() == Caller.Kind.ANONYMOUS;
        return new FiledView(r.id(), subject && filed.joined() ? RequestState.VERIFYING : r.state(),
                filed.joined(), subject ? null : r.dueOn(), filed.statusToken(),
                r.state() == RequestState.VERIFYING || subject && filed.joined()
                        ? "Enter the code we mailed at POST /api/v1/requests/" + r.id() + "/verification"
                        : "Follow the request at GET /api/v1/requests/" + r.id() + "/status with " + TOKEN_HEADER);
    }

    /** The application's root path ("/" or a context root), for the links of the HTML pages. */
    private String root() {
        String api = uriInfo.getBaseUri().getRawPath();
        return api.endsWith("api/") ? api.substring(0, api.length() - 4) : "/";
    }

    @POST
    @Path("{id}/verification")
    @PermitAll
    @Transactional(dontRollbackOn = ProblemException.class)
    @Operation(summary = "Verify the request with the mailed code; the answer carries the status token")
    public StatusView verifyRequest(@PathParam("id") String id, @Valid VerificationInput body) {
        Request r = workflow.lock(id);
        String token = verification.verify(r, Bodies.require(body).code());
        return views.status(r, token);
    }

    @POST
    @Path("{id}/verification/form")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Transactional(dontRollbackOn = {ProblemException.class, RequestPageRefusal.class})
    @Operation(hidden = true)
    public Response verifyRequestForm(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        String root = root();
        try {
            String code = form == null ? null : form.getFirst("code");
            var violations = validator.validate(new VerificationInput(code));
            if (code == null || code.isBlank()) {
                throw ProblemException.invalid("code", "must not be blank");
            }
            if (!violations.isEmpty()) {
                throw RequestPages.invalid(violations);
            }
            Request r = workflow.lock(id);
            String token = verification.verify(r, code.strip());
            return RequestPages.verified(root, views.status(r, token));
        } catch (ProblemException e) {
            // An unknown request has no code form to show again.
            boolean known = e.type() != org.steward.platform.kernel.api.ProblemType.NOT_FOUND;
            throw new RequestPageRefusal(RequestPages.refused(root, e, known ? id : null));
        }
    }

    @POST
    @Path("{id}/verification/code")
    @PermitAll
    @Operation(summary = "Send a new verification code (at most three per request)")
    @APIResponse(responseCode = "202", description = "A new code is on its way")
    public Response resendCode(@PathParam("id") String id) {
        verification.resend(workflow.lock(id));
        return Response.accepted().build();
    }

    @GET
    @Path("{id}/status")
    @PermitAll
    @Operation(summary = "The requester's view of their request (with the status token)")
    public StatusView getRequestStatus(@PathParam("id") String id,
                                       @Parameter(description = "The status token") @HeaderParam(TOKEN_HEADER)
                                       String token) {
        return views.status(byToken(id, token), null);
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The requests, newest first, optionally by state, type or overdue")
    @Audited(action = "request.list", target = "request")
    public Page<RequestView> listRequests(@QueryParam("state") RequestState state,
                                          @QueryParam("type") RequestType type,
                                          @Parameter(schema = @Schema(type = SchemaType.BOOLEAN))
                                          @QueryParam("overdue") String overdue,
                                          @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        List<Request> found = queries.list(state, type, flag("overdue", overdue), page);
        return page.page(found, Request::id, r -> views.staff(r, false));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One request, with its subjects and tasks")
    @Audited(action = "request.read", target = "request", id = "id")
    public RequestView getRequest(@PathParam("id") String id) {
        return views.staff(workflow.get(id), true);
    }

    @GET
    @Path("{id}/timeline")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The request's history: state changes, mail, extensions, reminders")
    public List<TimelineView> getRequestTimeline(@PathParam("id") String id) {
        workflow.get(id);
        return timeline.of(id).stream().map(TimelineView::of).toList();
    }

    @POST
    @Path("{id}/approval")
    @RolesAllowed({Roles.PRIVACY_OFFICER})
    @Operation(summary = "Approve a verified request: one task per module starts")
    @Audited(action = "request.approve", target = "request", id = "id")
    public RequestView approveRequest(@PathParam("id") String id) {
        Request r = workflow.lock(id);
        workflow.approve(r);
        return views.staff(r, true);
    }

    @POST
    @Path("{id}/denial")
    @RolesAllowed({Roles.PRIVACY_OFFICER})
    @Operation(summary = "Refuse a request, with a legal ground of its jurisdiction and words for the subject")
    @Audited(action = "request.deny", target = "request", id = "id")
    public RequestView denyRequest(@PathParam("id") String id, @Valid DenialInput body) {
        DenialInput in = Bodies.require(body);
        Request r = workflow.lock(id);
        workflow.deny(r, in.basis(), in.text());
        return views.staff(r, true);
    }

    @POST
    @Path("{id}/extension")
    @RolesAllowed({Roles.PRIVACY_OFFICER})
    @Operation(summary = "Extend the deadline within the law's limit (GDPR Art. 12(3), CCPA §1798.130), with the"
            + " reason sent to the subject")
    @Audited(action = "request.extend", target = "request", id = "id")
    public RequestView extendRequest(@PathParam("id") String id, @Valid ExtensionInput body) {
        ExtensionInput in = Bodies.require(body);
        Request r = workflow.lock(id);
        workflow.extend(r, in.newDueOn(), in.reason());
        return views.staff(r, true);
    }

    @POST
    @Path("{id}/completion")
    @RolesAllowed({Roles.PRIVACY_OFFICER})
    @Operation(summary = "Close a complaint with its answer (or a request whose tasks are all done)")
    @Audited(action = "request.complete", target = "request", id = "id")
    public RequestView completeRequest(@PathParam("id") String id, @Valid CompletionInput body) {
        CompletionInput in = body == null ? new CompletionInput(null, null) : body;
        Request r = workflow.lock(id);
        workflow.complete(r, in.response(), Boolean.TRUE.equals(in.partial()));
        return views.staff(r, true);
    }

    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT})
    @Operation(summary = "Record that the receipt was acknowledged outside Steward (a phone call, a letter)")
    @Audited(action = "request.acknowledge", target = "request", id = "id")
    public RequestView acknowledgeRequest(@PathParam("id") String id) {
        Request r = workflow.lock(id);
        workflow.acknowledge(r);
        return views.staff(r, true);
    }

    @POST
    @Path("{id}/cancellation")
    @PermitAll
    @Operation(summary = "Cancel a request before its fulfilment starts: staff, or the requester with the status"
            + " token")
    public StatusView cancelRequest(@PathParam("id") String id, @HeaderParam(TOKEN_HEADER) String token) {
        Caller c = caller.get();
        Request r;
        if (c.has(Role.PRIVACY_OFFICER) || c.has(Role.SUPPORT_AGENT)) {
            r = workflow.lock(id);
        } else {
            r = byToken(id, token);
            r = workflow.lock(r.id());
        }
        workflow.cancel(r);
        return views.status(r, null);
    }

    @POST
    @Path("{id}/tasks/{taskId}/retry")
    @RolesAllowed({Roles.PRIVACY_OFFICER})
    @Operation(summary = "Run a failing or waiting task again now")
    @Audited(action = "request.task.retry", target = "request", id = "id")
    public TaskView retryTask(@PathParam("id") String id, @PathParam("taskId") String taskId) {
        workflow.get(id);
        return TaskView.of(queries.retry(id, taskId));
    }

    @GET
    @Path("{id}/export")
    @PermitAll
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download the export: once, within 5 days, with the mailed link's token")
    @APIResponse(responseCode = "200", description = "A ZIP (access) or JSON (portability)")
    @APIResponse(responseCode = "410", description = "The link was used or has expired")
    public Response downloadExport(@PathParam("id") String id, @QueryParam("token") String token) {
        Request r = workflow.get(id);
        if (r.type() != RequestType.ACCESS && r.type() != RequestType.PORTABILITY) {
            throw ProblemException.notFound("export", id);
        }
        downloads.redeem(r, token);
        boolean zip = r.type() == RequestType.ACCESS;
        StreamingOutput body = out -> downloads.write(r.id(), out);
        return Response.ok(body, zip ? "application/zip" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"steward-" + (zip ? "access" : "portability")
                        + "-" + r.id() + (zip ? ".zip\"" : ".json\""))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}/export/archive")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(summary = "A privacy officer's copy of a completed request's export (audited); the subject's"
            + " single-use link stays unused")
    @APIResponse(responseCode = "200", description = "A ZIP (access) or JSON (portability)")
    public Response downloadExportAsStaff(@PathParam("id") String id) {
        Request r = workflow.get(id);
        if (r.type() != RequestType.ACCESS && r.type() != RequestType.PORTABILITY) {
            throw ProblemException.notFound("export", id);
        }
        downloads.staffCopy(r);
        boolean zip = r.type() == RequestType.ACCESS;
        StreamingOutput body = out -> downloads.write(r.id(), out);
        return Response.ok(body, zip ? "application/zip" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"steward-" + (zip ? "access" : "portability")
                        + "-" + r.id() + (zip ? ".zip\"" : ".json\""))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("watchdog")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SUPPORT_AGENT, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Every open request that needs attention: overdue, due soon, awaiting an acknowledgement,"
            + " stuck or failing")
    public WatchdogView getWatchdog(@Parameter(description = "Due within this many days (default from"
            + " steward.requests.due-soon-days)") @QueryParam("dueWithinDays") Integer dueWithinDays) {
        if (dueWithinDays != null && (dueWithinDays < 0 || dueWithinDays > 365)) {
            throw ProblemException.invalid("dueWithinDays", "must be 0 to 365");
        }
        return views.watchdog(dueWithinDays);
    }

    @GET
    @Path("metrics")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "CCPA §7102 request metrics for a calendar year, as JSON or CSV")
    public Response getRequestMetrics(@QueryParam("year") Integer year, @QueryParam("format") String format,
                                      @HeaderParam("Accept") String accept) {
        if (year == null || year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "a calendar year is required (2000 to 2100)");
        }
        boolean csv = "csv".equals(format) || format == null && accept != null && accept.startsWith("text/csv");
        if (format != null && !"csv".equals(format) && !"json".equals(format)) {
            throw ProblemException.invalid("format", "json or csv");
        }
        return views.metrics(year, csv);
    }

    /** A JAX-RS Boolean takes any word but "true" as false; a filter given "maybe" must say so instead. */
    private static boolean flag(String field, String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.invalid(field, "true or false");
    }

    private Request byToken(String id, String token) {
        Request r = id == null ? null : queries.find(id);
        if (r == null || token == null || r.statusTokenHash() == null
                || !RequestKeys.same(keys.tokenHash(token), r.statusTokenHash())) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No request with this id and token");
        }
        return r;
    }
}
