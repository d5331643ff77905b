package org.steward.platform.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2025, 3, 1, 12, 30, 45, 123_456_000, ZoneOffset.UTC);

    static AuditChain.Content content(long seq) {
        return new AuditChain.Content(seq, AT, "user-1", "USER", "ADMIN", "subject.rectify", "subject",
                "0195a1b2-0000-7000-8000-000000000001", "SUCCESS", "corr-12345678");
    }

    @Test
    void theCanonicalFormIsPinned() {
        // Changing these bytes makes every stored chain look tampered: a new form needs a new version line.
        assertThat(AuditChain.canonical(content(7), AuditChain.GENESIS)).isEqualTo("""
                steward-audit-v1
                seq=1:7
                at=27:2025-03-01T12:30:45.123456Z
                actor=6:user-1
                actorKind=4:USER
                role=5:ADMIN
                action=15:subject.rectify
                targetType=7:subject
                targetId=36:0195a1b2-0000-7000-8000-000000000001
                outcome=7:SUCCESS
                correlationId=13:corr-12345678
                prevHash=64:%s
                """.formatted(AuditChain.GENESIS));
    }

    @Test
    void theHashIsTheSha256OfTheCanonicalForm() throws Exception {
        String canonical = AuditChain.canonical(content(7), AuditChain.GENESIS);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(AuditChain.hash(content(7), AuditChain.GENESIS)).isEqualTo(expected).hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void everyFieldAndThePreviousHashChangeTheHash() {
        AuditChain.Content c = content(7);
        String base = AuditChain.hash(c, AuditChain.GENESIS);
        List<UnaryOperator<AuditChain.Content>> edits = List.of(
                x -> new AuditChain.Content(8, x.at(), x.actor(), x.actorKind(), x.role(), x.action(), x.targetType(), x.targetId(), x.outcome(), x.correlationId()),
                x -> new AuditChain.Content(x.seq(), x.at().plusNanos(1000), x.actor(), x.actorKind(), x.role(), x.action(), x.targetType(), x.targetId(), x.outcome(), x.correlationId()),
                x -> new AuditChain.Content(x.seq(), x.at(), "user-2", x.actorKind(), x.role(), x.action(), x.targetType(), x.targetId(), x.outcome(), x.correlationId()),
                x -> new AuditChain.Content(x.seq(), x.at(), x.actor(), "API_KEY", x.role(), x.action(), x.targetType(), x.targetId(), x.outcome(), x.correlationId()),
                x -> new AuditChain.Content(x.seq(), x.at(), x.actor(), x.actorKind(), "AUDITOR", x.action(), x.targetType(), x.targetId(), x.outcome(), x.correlationId()),
                x -> new AuditChain.Content(x.seq(), x.at(), x.actor(), x.actorKind(), x.role(), "subject.read", x.targetType(), x.targetId(), x.outcome(), x.correlationId()),
                x -> new AuditChain.Content(x.seq(), x.at(), x.actor(), x.actorKind(), x.role(), x.action(), "tenant", x.targetId(), x.outcome(), x.correlationId()),
                x -> new AuditChain.Content(x.seq(), x.at(), x.actor(), x.actorKind(), x.role(), x.action(), x.targetType(), null, x.outcome(), x.correlationId()),
                x -> new AuditChain.Content(x.seq(), x.at(), x.actor(), x.actorKind(), x.role(), x.action(), x.targetType(), x.targetId(), "FAILURE", x.correlationId()),
                x -> new AuditChain.Content(x.seq(), x.at(), x.actor(), x.actorKind(), x.role(), x.action(), x.targetType(), x.targetId(), x.outcome(), null));
        for (UnaryOperator<AuditChain.Content> edit : edits) {
            assertThat(AuditChain.hash(edit.apply(c), AuditChain.GENESIS)).isNotEqualTo(base);
        }
        assertThat(AuditChain.hash(c, "f".repeat(64))).isNotEqualTo(base);
    }

    @Test
    void theSameInstantInAnotherOffsetHashesAlike() {
        AuditChain.Content utc = content(1);
        AuditChain.Content cet = new AuditChain.Content(1, AT.withOffsetSameInstant(ZoneOffset.ofHours(1)),
                utc.actor(), utc.actorKind(), utc.role(), utc.action(), utc.targetType(), utc.targetId(),
                utc.outcome(), utc.correlationId());

        assertThat(AuditChain.hash(cet, AuditChain.GENESIS)).isEqualTo(AuditChain.hash(utc, AuditChain.GENESIS));
    }

    @Test
    void nullAndEmptyAreDifferent() {
        AuditChain.Content withNull = new AuditChain.Content(1, AT, "a", "USER", "NONE", "x", null, null, "SUCCESS", null);
        AuditChain.Content withEmpty = new AuditChain.Content(1, AT, "a", "USER", "NONE", "x", "", "", "SUCCESS", "");

        assertThat(AuditChain.hash(withNull, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(withEmpty, AuditChain.GENESIS));
    }

    @Test
    void aValueCannotForgeTheFieldsAfterIt() {
        // Without length prefixes, moving the boundary between two values would keep the bytes the same.
        AuditChain.Content honest = new AuditChain.Content(1, AT, "a", "USER", "NONE", "x", "subject", "1", "SUCCESS", null);
        AuditChain.Content forged = new AuditChain.Content(1, AT, "a", "USER", "NONE", "x",
                "subject\ntargetId=1:1", null, "SUCCESS", null);

        assertThat(AuditChain.canonical(forged, AuditChain.GENESIS))
                .isNotEqualTo(AuditChain.canonical(honest, AuditChain.GENESIS));
        assertThat(AuditChain.canonical(new AuditChain.Content(1, AT, "ab", "USER", "NONE", "x", null, null, "S", null), "")
                .getBytes(StandardCharsets.UTF_8)).isNotEqualTo(
                AuditChain.canonical(new AuditChain.Content(1, AT, "a", "bUSER", "NONE", "x", null, null, "S", null), "")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lengthsCountUtf8Bytes() {
        AuditChain.Content c = new AuditChain.Content(1, AT, "é", "USER", "NONE", "x", null, null, "SUCCESS", null);

        assertThat(AuditChain.canonical(c, AuditChain.GENESIS)).contains("actor=2:é\n");
    }
}
