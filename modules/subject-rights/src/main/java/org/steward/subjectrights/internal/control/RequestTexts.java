package org.steward.subjectrights.internal.control;

import org.steward.subjectrights.api.Outcome;
import org.steward.subjectrights.api.RequestType;
import org.steward.subjectrights.internal.entity.Request;

/** Words for requests in mail and on pages. */
final class RequestTexts {

    private RequestTexts() {
    }

    static String describe(RequestType type) {
        return switch (type) {
            case ACCESS -> "request for a copy of your data";
            case RECTIFICATION -> "request to correct your data";
            case ERASURE -> "request to erase your data";
            case RESTRICTION -> "request to restrict the processing of your data";
            case OBJECTION -> "objection to the processing of your data";
            case PORTABILITY -> "request for your data in a portable format";
            case WITHDRAW_CONSENT -> "withdrawal of your consent";
            case COMPLAINT -> "complaint";
        };
    }

    /** The completion text; {@code response} is the privacy officer's answer (a complaint), or null. */
    static String completed(Request r, String response) {
        if (r.outcome() == Outcome.NO_DATA_FOUND) {
            return "We looked for personal data about you and found none, so there is nothing to "
                    + (r.type() == RequestType.ACCESS || r.type() == RequestType.PORTABILITY ? "send" : "change")
                    + ".";
        }
        String done = switch (r.type()) {
            case ACCESS, PORTABILITY -> "We sent you the link to your data in a separate mail.";
            case RECTIFICATION -> "Your data is corrected.";
            case ERASURE -> "Your data is erased. We keep a signed certificate of the erasure, which holds no"
                    + " personal data.";
            case RESTRICTION -> "The processing of your data is restricted as you asked.";
            case OBJECTION -> "Your objection is recorded and the processing has stopped.";
            case WITHDRAW_CONSENT -> "Your consent is withdrawn.";
            case COMPLAINT -> "We have looked into your complaint.";
        };
        return response == null ? done : done + "\n\nOur answer:\n" + response;
    }
}
