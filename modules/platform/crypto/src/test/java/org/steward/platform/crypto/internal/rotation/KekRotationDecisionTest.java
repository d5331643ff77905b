package org.steward.platform.crypto.internal.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.platform.crypto.internal.rotation.KekRotationDecision.COMPLETE;
import static org.steward.platform.crypto.internal.rotation.KekRotationDecision.GENERATE;
import static org.steward.platform.crypto.internal.rotation.KekRotationDecision.NEEDS_NEW_KEY;
import static org.steward.platform.crypto.internal.rotation.KekRotationDecision.RESUME;
import static org.steward.platform.crypto.internal.rotation.KekRotationDecision.UNKNOWN_KEYS;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.steward.platform.crypto.internal.Aead;
import org.steward.platform.crypto.internal.MasterKeyRing;
import org.steward.platform.crypto.internal.MasterKeySource;

class KekRotationDecisionTest {

    @Test
    void aConfiguredDeploymentWithoutANewKeyIsToldWhatToConfigure() {
        assertThat(KekRotationDecision.decide(false, false, false, 0)).isEqualTo(NEEDS_NEW_KEY);
    }

    @Test
    void aConfiguredRotationResumesWhileRowsAreLeftAndIsThenComplete() {
        assertThat(KekRotationDecision.decide(false, true, false, 12)).isEqualTo(RESUME);
        assertThat(KekRotationDecision.decide(false, true, false, 0)).isEqualTo(COMPLETE);
    }

    @Test
    void theEmbeddedDefaultGeneratesAKeyOnlyWhenNothingIsLeftToRewrap() {
        assertThat(KekRotationDecision.decide(true, false, false, 0)).isEqualTo(GENERATE);
        assertThat(KekRotationDecision.decide(true, true, false, 0)).isEqualTo(GENERATE);
        assertThat(KekRotationDecision.decide(true, true, false, 3)).isEqualTo(RESUME);
    }

    @Test
    void rowsUnderAKeyNobodyConfiguredStopEverything() {
        assertThat(KekRotationDecision.decide(true, true, true, 3)).isEqualTo(UNKNOWN_KEYS);
        assertThat(KekRotationDecision.decide(false, false, true, 0)).isEqualTo(UNKNOWN_KEYS);
    }

    @Test
    void countsTellRowsLeftUnderPreviousKeysFromRowsUnderUnknownKeys() {
        var oldKey = Aead.newKey();
        MasterKeySource.Resolved current = MasterKeySource.resolve(
                Optional.of(java.util.Base64.getEncoder().encodeToString(Aead.newKey().getEncoded())),
                Optional.empty(), Optional.empty(), "a", java.nio.file.Path.of("unused"));
        MasterKeyRing ring = MasterKeyRing.of(current, List.of(oldKey));
        String old = MasterKeySource.fingerprint(oldKey);

        WrappedKeyCounts counts = new WrappedKeyCounts(Map.of(current.id(), 10L, old, 4L, "feedfacefeedface", 1L),
                7, Map.of(old, 2L));

        assertThat(counts.remaining(ring)).isEqualTo(6);
        assertThat(counts.unknownKeys(ring)).containsExactly("feedfacefeedface");
    }
}
