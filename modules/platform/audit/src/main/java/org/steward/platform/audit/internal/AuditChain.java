package org.steward.platform.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash chain of the audit log: the canonical form of an entry and its SHA-256. Pure, so that the exact bytes
 * that are hashed are pinned by unit tests; changing them would make every stored chain look tampered.
 *
 * <p>Canonical form (version 1): the line {@code steward-audit-v1}, then one line per field in a fixed order,
 * {@code name=} followed by the value as a netstring ({@code <UTF-8 byte length>:<value>}) or {@code ~} for null.
 * The length prefix makes the encoding unambiguous whatever characters a value holds; the previous entry's hash is
 * the last field, which is what links the entries.
 */
public final class AuditChain {

    /** The "previous hash" of entry 1. */
    public static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "steward-audit-v1";
    // Fixed width, UTC, microseconds: the precision Times gives and both databases keep.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    /** What an entry says; every field is covered by its hash. */
    public record Content(long seq, OffsetDateTime at, String actor, String actorKind, String role, String action,
                          String targetType, String targetId, String outcome, String correlationId) {
    }

    /** An entry as stored: its content, the hash it links to and its own hash. */
    public record Linked(Content content, String prevHash, String hash) {

        public long seq() {
            return content.seq();
        }
    }

    private AuditChain() {
    }

    public static String canonical(Content c, String prevHash) {
        StringBuilder out = new StringBuilder(VERSION).append('\n');
        field(out, "seq", Long.toString(c.seq()));
        field(out, "at", c.at() == null ? null : TIME.format(c.at().withOffsetSameInstant(ZoneOffset.UTC)));
        field(out, "actor", c.actor());
        field(out, "actorKind", c.actorKind());
        field(out, "role", c.role());
        field(out, "action", c.action());
        field(out, "targetType", c.targetType());
        field(out, "targetId", c.targetId());
        field(out, "outcome", c.outcome());
        field(out, "correlationId", c.correlationId());
        field(out, "prevHash", prevHash);
        return out.toString();
    }

    /** Lower-case hex SHA-256 of the canonical form. */
    public static String hash(Content c, String prevHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(c, prevHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The next entry after {@code prevHash}, hashed. */
    public static Linked link(Content c, String prevHash) {
        return new Linked(c, prevHash, hash(c, prevHash));
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append('=');
        if (value == null) {
            out.append('~');
        } else {
            out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        out.append('\n');
    }
}
