package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.consent.internal.entity.ConsentState;

/**
 * Global Privacy Control: {@code Sec-GPC: 1} is a valid request to opt out of sale and sharing (CCPA regulations
 * §7025). It is recorded once, as an ordinary OPT_OUT with source GPC; while the holder is opted out, further
 * signals record nothing. Any other value is not a signal and is ignored (W3C GPC: only "1" is defined).
 */
@ApplicationScoped
public class GpcSignal {

    public static final String HEADER = "Sec-GPC";
    public static final String PURPOSE = "sale-or-sharing";

    @Inject
    CurrentStates states;

    @Inject
    ConsentRecorder recorder;

    public static boolean present(String headerValue) {
        return "1".equals(headerValue);
    }

    public Optional<ConsentRecorder.Recorded> honour(ConsentHolder holder, String tenantId, String headerValue,
                                                     ConsentEvent.Proof proof) {
        if (!present(headerValue)) {
            return Optional.empty();
        }
        Optional<ConsentState> current = states.currentState(holder, PURPOSE);
        if (current.isPresent() && current.get().status() == ConsentStatus.OPTED_OUT) {
            return Optional.empty();
        }
        return Optional.of(recorder.record(new ConsentRecorder.Command(holder, tenantId, PURPOSE,
                ConsentAction.OPT_OUT, null, null, ConsentSource.GPC, null, null, proof, null)));
    }
}
