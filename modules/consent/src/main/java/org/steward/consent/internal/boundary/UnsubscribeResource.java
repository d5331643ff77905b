package org.steward.consent.internal.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.consent.internal.control.ConsentRecorder;
import org.steward.consent.internal.control.ProofHasher;
import org.steward.consent.internal.control.UnsubscribeToken;
import org.steward.consent.internal.control.Unsubscribes;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

/**
 * The unsubscribe link of an email. GET shows a confirmation with a button (mail scanners follow GET links, so GET
 * never unsubscribes); POST with {@code List-Unsubscribe=One-Click} (RFC 8058, as {@code multipart/form-data} or
 * {@code application/x-www-form-urlencoded}) unsubscribes at once, without login. Whoever follows the link is a
 * person or their mail provider: every answer is an HTML page, a bad link and an erased subject included, never
 * JSON. The page is plain HTML with no script and no inline style, as the server's content security policy requires.
 */
@Path("v1/public/unsubscribe/{token}")
@Tag(name = "consent")
@RequestScoped
@Transactional
public class UnsubscribeResource {

    static final String ONE_CLICK = "One-Click";
    static final String FIELD = "List-Unsubscribe";

    @Inject
    Unsubscribes unsubscribes;

    @Inject
    ProofHasher proofHasher;

    @Inject
    @ConfigProperty(name = "steward.consent.controller-contact",
            defaultValue = "https://cloud-osci.atlassian.net/helpcenter/app/")
    String contact;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Show the unsubscribe confirmation page of a signed link (always an HTML page)")
    @PermitAll
    public Response showUnsubscribe(@PathParam("token") String token) {
        Optional<Unsubscribes.Target> target;
        try {
            target = unsubscribes.target(token);
        } catch (UnsubscribeToken.Refused e) {
            return invalidLink();
        }
        if (target.isEmpty()) {
            return noLongerHeld();
        }
        Unsubscribes.Target t = target.get();
        boolean out = unsubscribes.current(t).map(s -> s.lastAction() == t.action()).orElse(false);
        if (out) {
            return ok("You are unsubscribed", "<p>You no longer receive: " + html(t.purpose().name()) + ".</p>");
        }
        return ok("Unsubscribe", "<p>Stop receiving: " + html(t.purpose().name()) + "?</p>"
                + "<form method=\"post\"><input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + ONE_CLICK + "\">"
                + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    // No @Consumes: RFC 8058 allows two form encodings, and any other request still gets a page, not a 415 problem.
    @POST
    @Produces(MediaType.TEXT_HTML)
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.STRING))})
    @Operation(summary = "One-click unsubscribe (RFC 8058): body List-Unsubscribe=One-Click (always an HTML page)")
    @PermitAll
    @Audited(action = "consent.unsubscribe", target = "subject")
    public Response unsubscribeOneClick(@PathParam("token") String token,
                                        @HeaderParam("Content-Type") String contentType, String form,
                                        @Context HttpServletRequest request) {
        Optional<Unsubscribes.Target> target;
        try {
            target = unsubscribes.target(token);
        } catch (UnsubscribeToken.Refused e) {
            return invalidLink();
        }
        if (!ONE_CLICK.equals(OneClickForm.field(contentType, form, FIELD))) {
            return page(Response.Status.BAD_REQUEST, "Nothing was changed", "<p>To unsubscribe, open the link from"
                    + " the email and press its Unsubscribe button.</p>");
        }
        if (target.isEmpty()) {
            return noLongerHeld();
        }
        Optional<ConsentRecorder.Recorded> r;
        try {
            r = unsubscribes.redeem(target.get(), Proofs.of(request, proofHasher));
        } catch (ProblemException e) {
            // The tenant's licence has ended (its data is being erased) or it keeps no data here: nothing is stored,
            // and no mail of this kind can be sent, which is what the person asked for.
            if (e.type() == ProblemType.LICENCE_ENDED || e.type() == ProblemType.DATA_CENTER_NO_PERSONAL_DATA) {
                return noLongerHeld();
            }
            throw e;
        }
        String receipt = r.map(x -> "<p>Receipt: " + html(x.receipt().receiptId()) + "</p>").orElse("");
        return ok("You are unsubscribed", "<p>You no longer receive: " + html(target.get().purpose().name())
                + ".</p>" + receipt);
    }

    private Response invalidLink() {
        return page(Response.Status.BAD_REQUEST, "This unsubscribe link does not work", "<p>The link is incomplete"
                + " or was changed. Open it again from the email, in full. If it still does not work, contact us: "
                + "<a href=\"" + html(contact) + "\">" + html(contact) + "</a>.</p>");
    }

    /** The subject was erased: nothing of this kind can be sent any more, which is what the person asked for. */
    private static Response noLongerHeld() {
        return ok("You are unsubscribed", "<p>We no longer hold your details, so you receive no more emails of this"
                + " kind.</p>");
    }

    private static Response ok(String title, String body) {
        return page(Response.Status.OK, title, body);
    }

    private static Response page(Response.Status status, String title, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html(title, body))
                .build();
    }

    static String html(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title)
                + "</title></head><body><h1>" + html(title) + "</h1>" + body + "</body></html>";
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /**
     * Reads one field of the two form encodings RFC 8058 names, from the raw body: a servlet filter that read
     * parameters first would leave {@code @FormParam} empty.
     */
    static final class OneClickForm {

        private OneClickForm() {
        }

        /** Read by hand (no JAX-RS runtime needed): the media type, and the multipart boundary parameter. */
        static String field(String contentType, String body, String name) {
            if (contentType == null) {
                return urlEncoded(body, name);
            }
            String[] params = contentType.split(";");
            String type = params[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (type.equals(MediaType.APPLICATION_FORM_URLENCODED)) {
                return urlEncoded(body, name);
            }
            if (!type.equals(MediaType.MULTIPART_FORM_DATA)) {
                return null;
            }
            for (int i = 1; i < params.length; i++) {
                String p = params[i].strip();
                if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                    String b = p.substring(9);
                    return multipart(body, b.length() > 1 && b.startsWith("\"") && b.endsWith("\"")
                            ? b.substring(1, b.length() - 1) : b, name);
                }
            }
            return null;
        }

        static String urlEncoded(String form, String name) {
            if (form == null) {
                return null;
            }
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                try {
                    if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
                    }
                } catch (IllegalArgumentException e) {
                    return null; // a malformed escape: not the field RFC 8058 asks for
                }
            }
            return null;
        }

        /** RFC 7578: parts separated by {@code --boundary}, each with headers, a blank line, then its value. */
        static String multipart(String body, String boundary, String name) {
            if (body == null || boundary == null || boundary.isEmpty()) {
                return null;
            }
            for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary), -1)) {
                int blank = part.indexOf("\r\n\r\n");
                int gap = 4;
                if (blank < 0) {
                    blank = part.indexOf("\n\n");
                    gap = 2;
                }
                if (blank < 0) {
                    continue;
                }
                String headers = part.substring(0, blank);
                if (headers.toLowerCase(java.util.Locale.ROOT).contains("name=\"" + name.toLowerCase(
                        java.util.Locale.ROOT) + "\"")) {
                    return part.substring(blank + gap).strip();
                }
            }
            return null;
        }
    }
}
