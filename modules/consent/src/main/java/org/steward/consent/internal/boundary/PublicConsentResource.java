package org.steward.consent.internal.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.internal.control.ConsentRecorder;
import org.steward.consent.internal.control.CurrentStates;
import org.steward.consent.internal.control.GpcSignal;
import org.steward.consent.internal.control.Holders;
import org.steward.consent.internal.control.Notices;
import org.steward.consent.internal.control.ProofHasher;
import org.steward.consent.internal.control.Purposes;
import org.steward.consent.internal.control.Receipt;
import org.steward.consent.internal.control.Receipts;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.consent.internal.entity.Notice;
import org.steward.platform.audit.api.AuditLog;
import org.steward.platform.audit.api.Outcome;
import org.steward.platform.crypto.api.Signer;
import org.steward.platform.kernel.api.Audited;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.Times;

/**
 * The no-login endpoints: the current purposes and notices (what a cookie banner shows), a website visitor's choices
 * by pseudonymous device id (honouring Global Privacy Control), and receipt verification with the published keys.
 * Nothing here reveals anything but the device's own choices. Browsers on the configured origins may call them
 * ({@link PublicConsentCors}).
 */
@Path("v1/public/consent")
@Tag(name = "consent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class PublicConsentResource {

    @Inject
    Holders holders;

    @Inject
    Purposes purposes;

    @Inject
    Clock clock;

    @Inject
    CurrentStates states;

    @Inject
    ConsentRecorder recorder;

    @Inject
    GpcSignal gpc;

    @Inject
    Receipts receipts;

    @Inject
    ProofHasher proofHasher;

    @Inject
    AuditLog audit;

    @Inject
    Notices notices;

    @GET
    @Path("purposes")
    @Operation(summary = "The current (not retired) purposes with the latest notice version per language, for a"
            + " cookie banner")
    @PermitAll
    public PublicPurposeView.Items listPublicPurposes() {
        List<Notice> current = notices.current();
        return new PublicPurposeView.Items(purposes.list().stream().filter(p -> !p.retired())
                .map(p -> PublicPurposeView.of(p, current)).toList());
    }

    @GET
    @Path("devices/{deviceId}")
    @Operation(summary = "A website visitor's current choices; Sec-GPC: 1 records an opt-out of sharing once")
    @PermitAll
    public DeviceChoicesView getDeviceChoices(@PathParam("deviceId") String deviceId,
                                              @Parameter(description = "Global Privacy Control; only 1 is a signal")
                                              @HeaderParam(GpcSignal.HEADER) String secGpc,
                                              @Context HttpServletRequest request) {
        ConsentHolder device = holders.device(deviceId);
        List<Receipt> issued = new ArrayList<>();
        List<ConsentRecorder.Recorded> signal = gpc.honour(device, null, secGpc, Proofs.of(request, proofHasher));
        if (!signal.isEmpty()) {
            // A read that wrote: the GPC opt-out is audited like any other consent change.
            audit.append("consent.gpc.record", "device", null, Outcome.SUCCESS);
            signal.forEach(r -> issued.add(r.receipt()));
        }
        return view(device, deviceId, GpcSignal.present(secGpc), issued);
    }

    @POST
    @Path("devices/{deviceId}")
    @Operation(summary = "Record a website visitor's choices (cookie banner); answers a signed receipt per change")
    @PermitAll
    @Audited(action = "consent.device.record", target = "device")
    public DeviceChoicesView recordDeviceChoices(@PathParam("deviceId") String deviceId,
                                                 @Parameter(description = "Global Privacy Control; only 1 is a signal")
                                                 @HeaderParam(GpcSignal.HEADER) String secGpc,
                                                 @Valid DeviceChoicesInput body, @Context HttpServletRequest request) {
        DeviceChoicesInput in = Bodies.require(body);
        ConsentHolder device = holders.device(deviceId);
        ConsentEvent.Proof proof = Proofs.of(request, proofHasher);
        List<Receipt> issued = new ArrayList<>();
        for (int i = 0; i < in.choices().size(); i++) {
            DeviceChoicesInput.Choice c = in.choices().get(i);
            try {
                issued.add(recorder.record(new ConsentRecorder.Command(device, null, c.purpose(), ConsentAction.valueOf(c.action()),
                        c.noticeVersion(), c.noticeLanguage(), ConsentSource.WEB_FORM, null, null, proof, null))
                        .receipt());
            } catch (org.steward.platform.kernel.api.ProblemException e) {
                throw Indexed.at("choices[" + i + "]", e);
            }
        }
        // After the explicit choices: a visitor whose browser sends GPC stays opted out of sharing.
        gpc.honour(device, null, secGpc, proof).forEach(r -> issued.add(r.receipt()));
        return view(device, deviceId, GpcSignal.present(secGpc), issued);
    }

    @POST
    @Path("receipts/verification")
    @Operation(summary = "Verify a consent receipt's signature (a tampered receipt answers valid: false)")
    @PermitAll
    public VerificationView verifyReceipt(@Valid Receipt body) {
        Receipts.Verification v = receipts.verify(Bodies.require(body));
        return new VerificationView(v.valid(), v.keyId(), v.reason());
    }

    @GET
    @Path("receipt-keys")
    @Operation(summary = "The public keys that consent receipts are signed with (JWK set, Ed25519)")
    @PermitAll
    public ReceiptKeysView listReceiptKeys() {
        return new ReceiptKeysView(receipts.publicKeys().stream().map(k ->
                new ReceiptKeysView.Key(k.keyId(), "OKP", Signer.ALGORITHM, "EdDSA", k.jwkX(), k.publicKey()))
                .toList());
    }

    private DeviceChoicesView view(ConsentHolder device, String deviceId, boolean gpcPresent, List<Receipt> issued) {
        return new DeviceChoicesView(deviceId, gpcPresent, SubjectConsentsResource.everyPurpose(purposes.list(),
                states.of(device), Times.now(clock)), issued);
    }
}
