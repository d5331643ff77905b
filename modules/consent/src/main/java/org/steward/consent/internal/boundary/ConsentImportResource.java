package org.steward.consent.internal.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.consent.internal.control.ConsentImport;
import org.steward.consent.internal.control.ImportParser;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.security.api.Roles;
import org.steward.platform.security.api.TenantDirectory;

/** Bulk import of a tenant's existing consents, as JSON lines or CSV, with a per-line report. */
@Path("v1/tenants/{tenantId}/consent-imports")
@Tag(name = "consent")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class ConsentImportResource {

    static final String NDJSON = "application/x-ndjson";
    static final String JSONL = "application/jsonl";
    static final String CSV = "text/csv";

    @Inject
    ConsentImport consentImport;

    @Inject
    TenantDirectory tenants;

    // No @Consumes: content negotiation would answer 415 before authorization, telling anonymous callers that the
    // endpoint exists. The type is checked below, after the role check.
    @POST
    @RequestBody(required = true, content = {
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = JSONL, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @Operation(summary = "Import consents (JSON lines or CSV with a header row); bad lines are reported, never fatal,"
            + " and lines imported before are skipped")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Audited(action = "consent.import", target = "tenant", id = "tenantId")
    public ImportReportView importConsents(@PathParam("tenantId") String tenantId,
                                           @HeaderParam("Content-Type") String contentType, String body) {
        if (!tenants.exists(tenantId)) {
            throw ProblemException.notFound("Tenant", tenantId);
        }
        MediaType type = mediaType(contentType);
        boolean csv = type != null && type.isCompatible(MediaType.valueOf(CSV));
        boolean jsonLines = type != null && (type.isCompatible(MediaType.valueOf(NDJSON))
                || type.isCompatible(MediaType.valueOf(JSONL)));
        if (!csv && !jsonLines || type.isWildcardType() || type.isWildcardSubtype()) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the consents as " + NDJSON + " (JSON lines) or " + CSV);
        }
        if (body == null || body.isBlank()) {
            throw new ProblemException(ProblemType.MISSING_BODY, "This request needs a body of consent lines");
        }
        ImportParser.Parsed parsed = csv ? ImportParser.csv(body) : ImportParser.jsonLines(body);
        return ImportReportView.of(consentImport.run(tenantId, parsed));
    }

    private static MediaType mediaType(String contentType) {
        try {
            return contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return null; // malformed: answered 415 like any other type we do not read
        }
    }
}
