package org.steward.platform.audit.internal;

import java.util.Objects;

/**
 * Verifies a chain one entry at a time, in seq order, holding only the last seq and hash: memory stays bounded
 * however long the log is. The first problem found is kept and names the entry where the chain breaks.
 */
public final class ChainCheck {

    /** Where the chain breaks: the first entry that is missing, out of place or altered, and why. */
    public record Break(long seq, String reason) {
    }

    /** The verdict: {@code firstBroken} is null when the chain is intact. */
    public record Result(boolean valid, long checked, Break firstBroken) {
    }

    private long lastSeq;
    private String lastHash = AuditChain.GENESIS;
    private long checked;
    private Break broken;

    /** Checks the next entry; returns false once the chain is broken (later entries prove nothing more). */
    public boolean accept(AuditChain.Linked e) {
        if (broken != null) {
            return false;
        }
        long expected = lastSeq + 1;
        if (e.seq() > expected) {
            return fail(expected, "missing: the log jumps from entry " + lastSeq + " to entry " + e.seq());
        }
        if (e.seq() < expected) {
            return fail(e.seq(), "out of order: entry " + e.seq() + " comes after entry " + lastSeq);
        }
        if (!Objects.equals(e.prevHash(), lastHash)) {
            return fail(e.seq(), "prev_hash does not match the hash of entry " + lastSeq);
        }
        if (!Objects.equals(AuditChain.hash(e.content(), e.prevHash()), e.hash())) {
            return fail(e.seq(), "hash does not match the entry's content");
        }
        lastSeq = e.seq();
        lastHash = e.hash();
        checked++;
        return true;
    }

    /**
     * Compares the end of the chain with the head that sealing maintains. Entries cut off the end leave the head
     * ahead of the log; an entry written around the head (not sealed) lies beyond it.
     *
     * @param headSeq     the head's last seq when the scan started (the scan covered entries up to it)
     * @param headHash    the head's hash at that time
     * @param maxSeq      the highest seq stored, read after the scan
     * @param headSeqNow  the head's last seq read after {@code maxSeq}: every sealed entry is at or below it
     */
    public Result finish(long headSeq, String headHash, long maxSeq, long headSeqNow) {
        if (broken == null) {
            if (lastSeq < headSeq) {
                fail(lastSeq + 1, "missing: the log ends at entry " + lastSeq + " but the head records entry "
                        + headSeq);
            } else if (!Objects.equals(lastHash, headHash)) {
                fail(lastSeq, "hash does not match the hash the head records for entry " + headSeq);
            } else if (maxSeq > headSeqNow) {
                fail(headSeqNow + 1, "entry beyond the head: it was not sealed through the chain");
            }
        }
        return new Result(broken == null, checked, broken);
    }

    public boolean intact() {
        return broken == null;
    }

    private boolean fail(long seq, String reason) {
        broken = new Break(seq, reason);
        return false;
    }
}
