package org.steward.retention.internal.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.crypto.api.Signer;
import org.steward.retention.internal.control.Certificates;

@Path("v1/public/erasure-signing-keys")
@Tag(name = "retention")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class ErasureSigningKeysResource {

    @Inject
    Signer signer;

    @GET
    @Operation(summary = "The public keys that verify erasure certificates, for anyone to check one offline")
    @PermitAll
    public List<SigningKeyView> listErasureSigningKeys() {
        return signer.publicKeys().stream().filter(k -> k.keyId().equals(Certificates.KEY_ID))
                .map(k -> new SigningKeyView(k.keyId(), k.algorithm(), k.publicKey())).toList();
    }
}
