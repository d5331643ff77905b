package org.steward.retention.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.Page;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.security.api.Roles;
import org.steward.retention.internal.control.Certificates;
import org.steward.retention.internal.control.ErasureQueue;
import org.steward.retention.internal.entity.Erasure;

@Path("v1/erasures")
@Tag(name = "retention")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class ErasuresResource {

    @Inject
    ErasureQueue queue;

    @Inject
    Certificates certificates;

    @GET
        @Operation(summary = "List erasures (queued and completed), oldest first")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Audited(action = "erasure.list", target = "erasure")
    public ErasurePage listErasures(@Parameter(description = "PENDING or DONE") @QueryParam("status") String status,
                                    @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        Erasure.Status s = null;
        if (status != null) {
            try {
                s = Erasure.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "must be PENDING or DONE");
            }
        }
        Page<ErasureView> p = page.page(queue.list(s, page), Erasure::id, ErasureView::of);
        return new ErasurePage(p.items(), p.nextCursor());
    }

    @GET
    @Path("{erasureId}")
    @Operation(summary = "Get an erasure: its trigger, status and, once done, how many records it erased")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Audited(action = "erasure.read", target = "erasure", id = "erasureId")
    public ErasureView getErasure(@PathParam("erasureId") String erasureId) {
        return ErasureView.of(queue.get(erasureId));
    }

    @GET
    @Path("{erasureId}/certificate")
    @Operation(summary = "The signed certificate of a completed erasure (no personal data)")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Audited(action = "erasure.certificate.read", target = "erasure", id = "erasureId")
    public CertificateView getErasureCertificate(@PathParam("erasureId") String erasureId) {
        return CertificateView.of(certificates.forErasure(erasureId));
    }

    @POST
    @Path("certificates/verification")
    @Operation(summary = "Check an erasure certificate's signature: valid only if this server issued it, unchanged")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    public VerificationView verifyErasureCertificate(@Valid CertificateView body) {
        CertificateView in = Bodies.require(body);
        Certificates.Verification v = certificates.verify(in.content(), in.signedVersion(), in.signature());
        return new VerificationView(v.valid(), v.keyId(), v.detail());
    }
}
