package org.steward.consent.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.api.CcpaDisclosure;
import org.steward.consent.api.LegalBasis;
import org.steward.consent.internal.entity.Notice;
import org.steward.consent.internal.entity.Purpose;

@Schema(name = "PublicPurpose", description = "A current purpose as a cookie banner shows it, with its notice texts")
public record PublicPurposeView(@Schema(required = true) String key,
                                @Schema(required = true) String name,
                                @Schema(required = true) String description,
                                @Schema(required = true) LegalBasis legalBasis,
                                @Schema(required = true) CcpaDisclosure ccpa,
                                @Schema(required = true) boolean optOutAllowed,
                                @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
                                List<String> categories,
                                @Schema(required = true, type = SchemaType.ARRAY, implementation = CurrentNotice.class,
                                        description = "The latest notice version per language: a GRANT cites it")
                                List<CurrentNotice> notices) {

    static PublicPurposeView of(Purpose p, List<Notice> current) {
        return new PublicPurposeView(p.key(), p.name(), p.description(), p.legalBasis(), p.ccpa(), p.optOutAllowed(),
                List.copyOf(p.categories()), current.stream().filter(n -> n.purposeKey().equals(p.key()))
                .map(n -> new CurrentNotice(n.language(), n.version(), n.contentHash(), n.text())).toList());
    }

    @Schema(name = "CurrentNotice")
    public record CurrentNotice(@Schema(required = true) String language,
                                @Schema(required = true) int version,
                                @Schema(required = true, description = "SHA-256 of the UTF-8 text, hex") String contentHash,
                                @Schema(required = true) String text) {
    }

    @Schema(name = "PublicPurposeList")
    public record Items(@Schema(required = true, type = SchemaType.ARRAY, implementation = PublicPurposeView.class)
                        List<PublicPurposeView> items) {
    }
}
