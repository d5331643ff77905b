package org.steward.platform.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainCheckTest {

    /** A valid chain of n entries, seq 1..n. */
    static List<AuditChain.Linked> chain(int n) {
        List<AuditChain.Linked> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            AuditChain.Linked e = AuditChain.link(AuditChainTest.content(seq), prev);
            out.add(e);
            prev = e.hash();
        }
        return out;
    }

    static ChainCheck.Result verify(List<AuditChain.Linked> entries, long headSeq, String headHash) {
        ChainCheck check = new ChainCheck();
        for (AuditChain.Linked e : entries) {
            if (!check.accept(e)) {
                break;
            }
        }
        long max = entries.stream().mapToLong(AuditChain.Linked::seq).max().orElse(0);
        return check.finish(headSeq, headHash, max, headSeq);
    }

    static ChainCheck.Result verify(List<AuditChain.Linked> entries, List<AuditChain.Linked> original) {
        AuditChain.Linked last = original.get(original.size() - 1);
        return verify(entries, last.seq(), last.hash());
    }

    @Test
    void anIntactChainIsValid() {
        List<AuditChain.Linked> c = chain(10);

        assertThat(verify(c, c)).isEqualTo(new ChainCheck.Result(true, 10, null));
    }

    @Test
    void anEmptyLogWithAnEmptyHeadIsValid() {
        assertThat(verify(List.of(), 0, AuditChain.GENESIS)).isEqualTo(new ChainCheck.Result(true, 0, null));
    }

    @Test
    void anEditedEntryIsNamed() {
        List<AuditChain.Linked> c = chain(10);
        List<AuditChain.Linked> edited = new ArrayList<>(c);
        AuditChain.Content x = c.get(4).content();
        edited.set(4, new AuditChain.Linked(new AuditChain.Content(x.seq(), x.at(), "someone-else", x.actorKind(),
                x.role(), x.action(), x.targetType(), x.targetId(), x.outcome(), x.correlationId()),
                c.get(4).prevHash(), c.get(4).hash()));

        ChainCheck.Result r = verify(edited, c);

        assertThat(r.valid()).isFalse();
        assertThat(r.checked()).isEqualTo(4);
        assertThat(r.firstBroken().seq()).isEqualTo(5);
        assertThat(r.firstBroken().reason()).startsWith("hash does not match");
    }

    @Test
    void anEditedEntryWhoseHashWasRecomputedBreaksTheNextLink() {
        List<AuditChain.Linked> c = chain(10);
        List<AuditChain.Linked> edited = new ArrayList<>(c);
        AuditChain.Content x = c.get(4).content();
        edited.set(4, AuditChain.link(new AuditChain.Content(x.seq(), x.at(), "someone-else", x.actorKind(),
                x.role(), x.action(), x.targetType(), x.targetId(), x.outcome(), x.correlationId()),
                c.get(4).prevHash()));

        ChainCheck.Result r = verify(edited, c);

        assertThat(r.firstBroken().seq()).isEqualTo(6);
        assertThat(r.firstBroken().reason()).startsWith("prev_hash does not match the hash of entry 5");
    }

    @Test
    void aDeletedMiddleEntryIsNamed() {
        List<AuditChain.Linked> c = chain(10);
        List<AuditChain.Linked> cut = new ArrayList<>(c);
        cut.remove(6);

        ChainCheck.Result r = verify(cut, c);

        assertThat(r.valid()).isFalse();
        assertThat(r.firstBroken()).isEqualTo(new ChainCheck.Break(7, "missing: the log jumps from entry 6 to entry 8"));
        assertThat(r.checked()).isEqualTo(6);
    }

    @Test
    void swappedEntriesAreNamedAtTheFirstSwappedPosition() {
        List<AuditChain.Linked> c = chain(10);
        // Contents and hashes trade places; each position keeps its seq, as a swap of rows' seq values leaves it.
        List<AuditChain.Linked> swapped = new ArrayList<>(c);
        swapped.set(2, withSeq(c.get(5), 3));
        swapped.set(5, withSeq(c.get(2), 6));

        ChainCheck.Result r = verify(swapped, c);

        assertThat(r.firstBroken().seq()).isEqualTo(3);
        assertThat(r.firstBroken().reason()).startsWith("prev_hash does not match the hash of entry 2");
    }

    @Test
    void entriesCutOffTheEndAreNamedByTheHead() {
        List<AuditChain.Linked> c = chain(10);

        ChainCheck.Result r = verify(c.subList(0, 8), c);

        assertThat(r.valid()).isFalse();
        assertThat(r.checked()).isEqualTo(8);
        assertThat(r.firstBroken().seq()).isEqualTo(9);
        assertThat(r.firstBroken().reason()).contains("the head records entry 10");
    }

    @Test
    void aHeadWhoseHashDiffersIsCaught() {
        List<AuditChain.Linked> c = chain(3);

        ChainCheck.Result r = verify(c, 3, "e".repeat(64));

        assertThat(r.firstBroken().seq()).isEqualTo(3);
    }

    @Test
    void anEntryWrittenBeyondTheHeadIsCaught() {
        List<AuditChain.Linked> c = chain(4);
        ChainCheck check = new ChainCheck();
        c.subList(0, 3).forEach(check::accept);

        ChainCheck.Result r = check.finish(3, c.get(2).hash(), 4, 3);

        assertThat(r.firstBroken()).isEqualTo(new ChainCheck.Break(4,
                "entry beyond the head: it was not sealed through the chain"));
    }

    @Test
    void onlyTheFirstBreakIsReported() {
        List<AuditChain.Linked> c = chain(10);
        List<AuditChain.Linked> cut = new ArrayList<>(c);
        cut.remove(8);
        cut.remove(2);

        assertThat(verify(cut, c).firstBroken().seq()).isEqualTo(3);
    }

    private static AuditChain.Linked withSeq(AuditChain.Linked e, long seq) {
        AuditChain.Content x = e.content();
        return new AuditChain.Linked(new AuditChain.Content(seq, x.at(), x.actor(), x.actorKind(), x.role(),
                x.action(), x.targetType(), x.targetId(), x.outcome(), x.correlationId()), e.prevHash(), e.hash());
    }
}
