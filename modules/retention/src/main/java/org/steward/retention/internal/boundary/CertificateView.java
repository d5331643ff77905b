package org.steward.retention.internal.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.retention.internal.control.CertificateContent;
import org.steward.retention.internal.entity.Certificate;

@Schema(name = "ErasureCertificate", description = "A signed erasure certificate: ids, salted hashes, counts, data-key ids and times; no personal data. The subject or tenant hash is SHA-256 of '<salt>:subject:<id>' (or ':tenant:'; a DEVICE erasure's subjectHash is of ':device:<device id>'), hex. The signature is Ed25519 over the certificate's canonical form (version 2: RFC 8785 of this JSON without the signature; version 1: a name=value text; see docs/architecture.md), base64url.")
public record CertificateView(@Schema(required = true, format = "uuid") @NotNull String id,
                              @Schema(required = true, format = "uuid") @NotNull String erasureId,
                              @Schema(required = true) @NotNull String scope,
                              @Schema(required = true) @NotNull String trigger,
                              String subjectHash,
                              String tenantHash,
                              String category,
                              @Schema(required = true) @NotNull String salt,
                              @Schema(required = true, type = SchemaType.ARRAY, implementation = Entry.class) @NotNull @Size(max = 1000)
                              List<@Valid @NotNull Entry> erased,
                              Long subjectsErased,
                              @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class) @NotNull @Size(max = 1000)
                              List<@NotNull String> dataKeysDestroyed,
                              @Schema(required = true, description = "ISO-8601, as signed") @NotNull String erasedAt,
                              @Schema(required = true) @NotNull String keyId,
                              @Schema(required = true) @NotNull String algorithm,
                              @Schema(required = true) @NotNull String signature,
                              @Schema(description = "The canonical form signed: 2 (RFC 8785); absent or 1 for"
                                      + " certificates issued before version 2")
                              Integer version) {

    @Schema(name = "ErasureCertificateEntry", description = "What one module deleted in one category")
    public record Entry(@Schema(required = true) @NotNull String module, @Schema(required = true) @NotNull String category,
                        @Schema(required = true) long count) {
    }

    static CertificateView of(Certificate c) {
        CertificateContent x = CertificateContent.parse(c.canonical());
        return new CertificateView(x.id(), x.erasureId(), x.scope(), x.trigger(), x.subjectHash(), x.tenantHash(),
                x.category(), x.salt(), x.erased().stream().map(e -> new Entry(e.module(), e.category(), e.count()))
                .toList(), x.subjectsErased(), x.dataKeysDestroyed(), x.erasedAt(), x.keyId(), x.algorithm(),
                c.signature(), CertificateContent.versionOf(c.canonical()));
    }

    /** The version to check the signature by: a certificate without one predates versions and is version 1. */
    int signedVersion() {
        return version == null ? 1 : version;
    }

    CertificateContent content() {
        return new CertificateContent(id, erasureId, scope, trigger, subjectHash, tenantHash, category, salt,
                erased.stream().map(e -> new CertificateContent.Entry(e.module(), e.category(), e.count())).toList(),
                subjectsErased, dataKeysDestroyed, erasedAt, keyId, algorithm);
    }
}
