package org.steward.retention.internal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.api.erasure.ErasureParticipant;

class ErasureParticipantsTest {

    private static ErasureParticipant named(String module) {
        return () -> module;
    }

    @Test
    void participantsRunInTheOrderOfTheirModuleNames() {
        List<ErasureParticipant> ordered = ErasureParticipants.ordered(List.of(named("retention"), named("identity"),
                named("platform"), named("consent")));
        assertThat(ordered).extracting(ErasureParticipant::module)
                .containsExactly("consent", "identity", "platform", "retention");
    }

    @Test
    void aModuleTakesPartOnce() {
        assertThatThrownBy(() -> ErasureParticipants.ordered(List.of(named("consent"), named("identity"),
                named("consent")))).isInstanceOf(IllegalStateException.class).hasMessageContaining("consent");
    }
}
