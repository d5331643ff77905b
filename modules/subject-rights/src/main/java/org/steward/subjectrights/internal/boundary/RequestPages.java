package org.steward.subjectrights.internal.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;

/**
 * The privacy center's request form without JavaScript: the form's fields as a {@link RequestInput}, and the HTML
 * pages that answer it (the code form, then the status). They use the privacy center's stylesheet and say what the
 * JSON answers say; nothing personal is echoed back but what the requester typed into the page they came from.
 */
final class RequestPages {

    private static final Set<String> CORRECTABLE = Set.of("email", "username", "accountId", "displayName");

    private RequestPages() {
    }

    /** The form's names: type, jurisdiction, email, complaint, lift, purposes (repeated), correction.&lt;field&gt;. */
    static RequestInput input(MultivaluedMap<String, String> form) {
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            for (String value : field.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw ProblemException.invalid(field.getKey(), "must not contain a NUL character");
                }
            }
        }
        // Without JavaScript the page shows every type's fields: only the chosen type's are its details.
        String type = blankToNull(form.getFirst("type"));
        Map<String, String> corrections = new LinkedHashMap<>();
        if ("RECTIFICATION".equals(type)) {
            for (String field : CORRECTABLE) {
                String v = blankToNull(form.getFirst("correction." + field));
                if (v != null) {
                    corrections.put(field, v);
                }
            }
        }
        List<String> purposes = !"OBJECTION".equals(type) && !"WITHDRAW_CONSENT".equals(type) || form.get("purposes") == null
                ? null : form.get("purposes").stream().map(RequestPages::blankToNull).filter(p -> p != null).toList();
        String lift = "RESTRICTION".equals(type) ? blankToNull(form.getFirst("lift")) : null;
        String complaint = "COMPLAINT".equals(type) ? blankToNull(form.getFirst("complaint")) : null;
        RequestInput.RequestDetailsInput details = new RequestInput.RequestDetailsInput(
                corrections.isEmpty() ? null : corrections, purposes == null || purposes.isEmpty() ? null : purposes,
                complaint, lift == null ? null : "true".equals(lift), null, null);
        return new RequestInput(type, blankToNull(form.getFirst("jurisdiction")),
                new RequestInput.SubjectIdentifier(blankToNull(form.getFirst("email")), null, null, null, null), null,
                details, null, null, null, null);
    }

    static ProblemException invalid(Set<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            errors.add(new FieldError(formName(v.getPropertyPath().toString()), v.getMessage()));
        }
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        return new ProblemException(org.steward.platform.kernel.api.ProblemType.VALIDATION,
                "The request cannot be filed as it is", errors);
    }

    /** The JSON names that the form spells differently. */
    static String formName(String field) {
        if (field.equals("subject") || field.startsWith("subject.")) {
            return "email";
        }
        if (field.startsWith("details.corrections")) {
            return "correction" + field.substring("details.corrections".length());
        }
        return field.startsWith("details.") ? field.substring("details.".length()) : field;
    }

    static Response filed(String root, FiledView filed) {
        String body = "<p>Thank you. If we hold data about the address you gave, we have mailed it a six-digit code."
                + " Enter it here to confirm that the request is yours (the code is valid for a limited time).</p>"
                + "<p>Your request's reference: <code id=\"request-id\">" + esc(filed.id()) + "</code></p>"
                + codeForm(root, filed.id(), null);
        return page(filed.joinedOpenRequest() ? 200 : 202, root, "Check your mail", body);
    }

    static Response verified(String root, StatusView status) {
        String body = "<p>Your request is confirmed. We will answer by <strong>" + esc(String.valueOf(status.dueOn()))
                + "</strong> at the latest.</p><dl>"
                + "<dt>Reference</dt><dd><code id=\"request-id\">" + esc(status.id()) + "</code></dd>"
                + "<dt>Type</dt><dd>" + esc(String.valueOf(status.type())) + "</dd>"
                + "<dt>State</dt><dd id=\"request-state\">" + esc(String.valueOf(status.state())) + "</dd>"
                + "<dt>Status token</dt><dd><code id=\"status-token\">" + esc(status.statusToken()) + "</code></dd></dl>"
                + "<p>Keep the reference and the token: with both you can follow or cancel the request on the <a href=\""
                + root + "privacy/status.html\">status page</a>. We also write to you by mail.</p>";
        return page(200, root, "Request confirmed", body);
    }

    /** A refusal: the problem's words and each field's message, and the way back. */
    static Response refused(String root, ProblemException problem, String requestId) {
        StringBuilder body = new StringBuilder("<div class=\"error\" role=\"alert\"><p>")
                .append(esc(problem.getMessage())).append("</p>");
        if (!problem.errors().isEmpty()) {
            body.append("<ul>");
            for (FieldError e : problem.errors()) {
                body.append("<li><strong>").append(esc(e.field())).append("</strong>: ").append(esc(e.message()))
                        .append("</li>");
            }
            body.append("</ul>");
        }
        body.append("</div>");
        if (requestId != null) {
            body.append(codeForm(root, requestId, problem));
        } else {
            body.append("<p><a href=\"").append(root).append("privacy/request.html\">Back to the request form</a></p>");
        }
        return page(problem.type().status(), root, "The request was not accepted", body.toString());
    }

    private static String codeForm(String root, String id, ProblemException problem) {
        return "<form method=\"post\" action=\"" + root + "api/v1/requests/" + esc(id) + "/verification/form\">"
                + "<label for=\"code\">The code from the mail</label>"
                + "<input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"6\""
                + " pattern=\"[0-9]{6}\" required" + (problem != null ? " aria-invalid=\"true\"" : "") + ">"
                + "<button id=\"verify\" type=\"submit\">Confirm the request</button></form>";
    }

    private static Response page(int status, String root, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(title)
                + " · Privacy center</title><link rel=\"stylesheet\" href=\"" + root + "privacy/privacy.css\"></head>"
                + "<body><a class=\"skip\" href=\"#main\">Skip to content</a><header><p><a href=\"" + root
                + "privacy/\">Privacy center</a></p></header><main id=\"main\"><h1>" + esc(title) + "</h1>" + body
                + "</main></body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html).build();
    }

    static String esc(String s) {
        return org.steward.subjectrights.internal.control.ExportIndex.esc(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
