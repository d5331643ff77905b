package org.steward.consent.internal.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.consent.internal.control.ConsentRecorder;
import org.steward.consent.internal.control.ProofHasher;
import org.steward.consent.internal.control.Unsubscribes;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.ProblemException;

/**
 * The unsubscribe link of an email. GET shows a confirmation with a button (mail scanners follow GET links, so GET
 * never unsubscribes); POST with {@code List-Unsubscribe=One-Click} (RFC 8058) unsubscribes at once, without login.
 * The page is plain HTML with no script and no inline style, as the server's content security policy requires.
 */
@Path("v1/public/unsubscribe/{token}")
@Tag(name = "consent")
@RequestScoped
@Transactional
public class UnsubscribeResource {

    static final String ONE_CLICK = "One-Click";

    @Inject
    Unsubscribes unsubscribes;

    @Inject
    ProofHasher proofHasher;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Show the unsubscribe confirmation page of a signed link")
    @PermitAll
    public String showUnsubscribe(@PathParam("token") String token) {
        Unsubscribes.Target t = unsubscribes.target(token);
        boolean out = unsubscribes.current(t).map(s -> s.lastAction() == t.action()).orElse(false);
        String title = out ? "You are unsubscribed" : "Unsubscribe";
        String body = out
                ? "<p>You no longer receive: " + html(t.purpose().name()) + ".</p>"
                : "<p>Stop receiving: " + html(t.purpose().name()) + "?</p>"
                + "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">Unsubscribe</button></form>";
        return page(title, body);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One-click unsubscribe (RFC 8058): body List-Unsubscribe=One-Click")
    @PermitAll
    @Audited(action = "consent.unsubscribe", target = "subject")
    public String unsubscribeOneClick(@PathParam("token") String token, String form,
                                      @Context HttpServletRequest request) {
        if (!ONE_CLICK.equals(field(form, "List-Unsubscribe"))) {
            throw ProblemException.invalid("List-Unsubscribe", "must be One-Click (RFC 8058)");
        }
        Optional<ConsentRecorder.Recorded> r = unsubscribes.redeem(token, Proofs.of(request, proofHasher));
        Unsubscribes.Target t = unsubscribes.target(token);
        String receipt = r.map(x -> "<p>Receipt: " + html(x.receipt().receiptId()) + "</p>").orElse("");
        return page("You are unsubscribed", "<p>You no longer receive: " + html(t.purpose().name()) + ".</p>"
                + receipt);
    }

    /** The raw form body is parsed here: a servlet filter that read parameters first would leave @FormParam empty. */
    static String field(String form, String name) {
        if (form == null) {
            return null;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            try {
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                return null; // a malformed escape: not the field RFC 8058 asks for
            }
        }
        return null;
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title)
                + "</title></head><body><h1>" + html(title) + "</h1>" + body + "</body></html>";
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
