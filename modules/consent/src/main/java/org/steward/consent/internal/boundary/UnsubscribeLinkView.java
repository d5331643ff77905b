package org.steward.consent.internal.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnsubscribeLink", description = "Put url in the List-Unsubscribe header, with List-Unsubscribe-Post."
        + " The link does not expire; it is built on the server's configured public URL (STEWARD_PUBLIC_URL)")
public record UnsubscribeLinkView(@Schema(required = true, format = "uri") String url,
                                  @Schema(required = true) String token,
                                  @Schema(required = true) String purpose,
                                  @Schema(required = true, example = "<https://…>") String listUnsubscribe,
                                  @Schema(required = true, example = "List-Unsubscribe=One-Click")
                                  String listUnsubscribePost) {

    static UnsubscribeLinkView of(String url, String token, String purpose) {
        return new UnsubscribeLinkView(url, token, purpose, "<" + url + ">", "List-Unsubscribe=One-Click");
    }
}
