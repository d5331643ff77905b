package org.steward.sharing.internal.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.kernel.api.Page;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.sharing.internal.control.Notices;
import org.steward.sharing.internal.control.Register;
import org.steward.sharing.internal.control.SharingConfig;
import org.steward.sharing.internal.entity.ChangeNotice;
import org.steward.sharing.internal.entity.Subprocessor;
import org.steward.sharing.internal.feed.AtomFeed;

/** The public subprocessor register and its change feed (JSON and Atom): no login, nothing personal. */
@Path("v1/subprocessors")
@Tag(name = "sharing")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class SubprocessorsResource {

    @Inject
    Register register;

    @Inject
    Notices notices;

    @Inject
    SharingConfig config;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @GET
    @Operation(summary = "The active subprocessors: who receives which personal data, where, under which safeguard")
    @PermitAll
    public List<SubprocessorView> listActiveSubprocessors() {
        return register.list(Subprocessor.Status.ACTIVE).stream().map(s -> SubprocessorView.of(s, false)).toList();
    }

    @GET
    @Path("{subprocessorId}")
    @Operation(summary = "One subprocessor, whatever its status (a proposed one shows when it takes effect)")
    @PermitAll
    public SubprocessorView getPublicSubprocessor(@PathParam("subprocessorId") String subprocessorId) {
        return SubprocessorView.of(register.get(subprocessorId), false);
    }

    @GET
    @Path("changes")
    @Operation(summary = "The register's changes, newest first: additions and widenings with their objection window")
    @PermitAll
    public NoticePage listSubprocessorChanges(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.parse(limit, cursor);
        Page<NoticeView> p = page.page(notices.feed(page), ChangeNotice::id,
                n -> NoticeView.of(n, em.find(Subprocessor.class, n.subprocessorId()), null));
        return new NoticePage(p.items(), p.nextCursor());
    }

    @GET
    @Path("changes.atom")
    @Produces(AtomFeed.MEDIA_TYPE)
    @Operation(summary = "The register's changes as an Atom feed, for feed readers")
    @APIResponse(responseCode = "200", description = "An Atom 1.0 feed (RFC 4287) of the latest 100 changes",
            content = @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @PermitAll
    public Response getSubprocessorChangesAtom(@Context UriInfo uri) {
        // Links on the configured public URL when there is one (a feed is read far from the request that made it).
        String api = config.publicUrl().map(u -> u + "/api")
                .orElse(uri.getBaseUri().toString().replaceAll("/+$", ""));
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (ChangeNotice n : notices.feed(new PageRequest(100, null))) {
            Subprocessor s = em.find(Subprocessor.class, n.subprocessorId());
            entries.add(new AtomFeed.Entry(UUID.fromString(n.id()), NoticeTitles.title(n, s),
                    n.publishedAt().toInstant(), n.publishedAt().toInstant(), n.summary()
                    + (n.objectionUntil() == null ? "" : " Objections until " + n.objectionUntil() + "."),
                    URI.create(api + "/v1/subprocessors/" + n.subprocessorId()),
                    "subprocessor." + n.kind().name().toLowerCase()));
        }
        AtomFeed feed = new AtomFeed(URI.create("tag:steward,2026:subprocessor-changes"),
                "Subprocessor changes", "Steward", URI.create(api + "/v1/subprocessors/changes.atom"),
                URI.create(api + "/v1/subprocessors"));
        java.time.Instant fallback = java.time.Instant.parse("2025-01-01T00:00:00Z");
        StreamingOutput body = out -> feed.write(out, entries, fallback);
        return Response.ok(body, AtomFeed.MEDIA_TYPE + ";charset=utf-8").build();
    }
}
