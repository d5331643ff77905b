package org.steward.consent.internal.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnsubscribeLink", description = "Put url in the List-Unsubscribe header, with List-Unsubscribe-Post")
public record UnsubscribeLinkView(@Schema(required = true, format = "uri") String url,
                                  @Schema(required = true) String token,
                                  @Schema(required = true) String purpose,
                                  @Schema(required = true, format = "date-time") String expiresAt,
                                  @Schema(required = true, example = "<https://…>") String listUnsubscribe,
                                  @Schema(required = true, example = "List-Unsubscribe=One-Click")
                                  String listUnsubscribePost) {

    static UnsubscribeLinkView of(String url, String token, String purpose, Instant expiresAt) {
        return new UnsubscribeLinkView(url, token, purpose, expiresAt.toString(), "<" + url + ">",
                "List-Unsubscribe=One-Click");
    }
}
