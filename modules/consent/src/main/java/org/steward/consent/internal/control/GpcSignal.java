package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.consent.internal.entity.ConsentState;
import org.steward.consent.internal.entity.Purpose;

/**
 * Global Privacy Control: {@code Sec-GPC: 1} is a valid request to opt out of sale and sharing (CCPA regulations
 * §7025). Nothing is ever sold (a sale purpose is always denied), so it is recorded as an ordinary OPT_OUT with source
 * GPC of every current purpose of sharing for cross-context behavioural advertising, once: while the holder is opted
 * out of one, further signals record nothing for it. Any other value is not a signal and is ignored (W3C GPC: only
 * "1" is defined).
 */
@ApplicationScoped
public class GpcSignal {

    public static final String HEADER = "Sec-GPC";

    @Inject
    CurrentStates states;

    @Inject
    ConsentRecorder recorder;

    @Inject
    Purposes purposes;

    public static boolean present(String headerValue) {
        return "1".equals(headerValue);
    }

    /** The keys of the purposes a signal opts out of. */
    public List<String> purposeKeys() {
        return purposes.activeSharing().stream().map(Purpose::key).toList();
    }

    /** Records the opt-outs the signal asks for, in the caller's transaction; empty when there was nothing to do. */
    public List<ConsentRecorder.Recorded> honour(ConsentHolder holder, String tenantId, String headerValue,
                                                 ConsentEvent.Proof proof) {
        if (!present(headerValue)) {
            return List.of();
        }
        List<ConsentRecorder.Recorded> recorded = new ArrayList<>();
        for (Purpose p : purposes.activeSharing()) {
            Optional<ConsentState> current = states.currentState(holder, p.key());
            if (current.isEmpty() || current.get().status() != ConsentStatus.OPTED_OUT) {
                recorded.add(recorder.record(new ConsentRecorder.Command(holder, tenantId, p.key(),
                        ConsentAction.OPT_OUT, null, null, ConsentSource.GPC, null, null, proof, null)));
            }
        }
        return recorded;
    }
}
