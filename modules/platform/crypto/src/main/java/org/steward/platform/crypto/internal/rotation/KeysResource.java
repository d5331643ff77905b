package org.steward.platform.crypto.internal.rotation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.platform.crypto.api.BlindIndexRing;
import org.steward.platform.crypto.internal.BlindIndexKeys;
import org.steward.platform.crypto.internal.MasterKey;
import org.steward.platform.crypto.internal.MasterKeyRing;
import org.steward.platform.security.api.Roles;

@Path("v1/admin/keys")
@Tag(name = "keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class KeysResource {

    @Inject
    MasterKey masterKey;

    @Inject
    BlindIndexKeys blindIndexKeys;

    @Inject
    Rewrapper rewrapper;

    @Inject
    MasterKeyRotation masterKeyRotation;

    @Inject
    BlindIndexRotation blindIndexRotation;

    @GET
    @Operation(summary = "Key status: master keys and what each wraps, blind-index versions and rows per version")
    public KeyStatus keyStatus() {
        MasterKeyRing ring = masterKey.ring();
        WrappedKeyCounts counts = rewrapper.counts();
        BlindIndexRing active = blindIndexKeys.ring();
        List<KeyStatus.Version> versions = blindIndexKeys.versions().stream()
                .map(v -> new KeyStatus.Version(v.version(), v.retiredAt() != null ? "retired"
                        : v.version() == active.current().version() ? "current" : "active",
                        v.createdAt(), v.retiredAt()))
                .toList();
        Map<String, Map<String, Long>> rows = new TreeMap<>();
        blindIndexKeys.rowsPerHolder().forEach((holder, perVersion) -> {
            Map<String, Long> byVersion = new TreeMap<>();
            perVersion.forEach((v, n) -> byVersion.put(String.valueOf(v), n));
            rows.put(holder, byVersion);
        });
        return new KeyStatus(
                new KeyStatus.MasterKeyState(ring.currentId(), List.copyOf(ring.previousIds()),
                        masterKeyRotation.progress(), counts.dataKeys(), counts.destroyedDataKeys(), counts.secrets()),
                new KeyStatus.BlindIndexState(blindIndexRotation.progress(), versions, rows));
    }

    @POST
    @Path("master/rotation")
    @Operation(summary = "Rotate the master key (start or resume): every data key and secret is re-wrapped under"
            + " the current master key; no personal data is re-encrypted. The embedded default generates the new"
            + " key; a configured deployment must be restarted with the new key first.")
    @APIResponse(responseCode = "200", description = "Complete: everything is wrapped under the current key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MasterKeyProgress.class)))
    @APIResponse(responseCode = "202", description = "Re-wrapping runs in the background; poll GET /admin/keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MasterKeyProgress.class)))
    public Response rotateMasterKey() {
        MasterKeyProgress p = masterKeyRotation.start();
        return Response.status("complete".equals(p.state()) ? 200 : 202).entity(p).build();
    }

    @POST
    @Path("blind-index/rotation")
    @Operation(summary = "Rotate the blind-index key (start, or resume while rows are left on older versions):"
            + " a new version indexes writes, every active version is searched until the re-index completes")
    @APIResponse(responseCode = "200", description = "Complete: nothing to re-index",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReindexProgress.class)))
    @APIResponse(responseCode = "202", description = "The re-index runs in the background; poll GET /admin/keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReindexProgress.class)))
    public Response rotateBlindIndexKey() {
        ReindexProgress p = blindIndexRotation.start();
        return Response.status("complete".equals(p.state()) ? 200 : 202).entity(p).build();
    }
}
