package org.steward.retention.internal.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an erasure certificate says, and its canonical text: the exact bytes that are signed. One {@code name=value}
 * line per field in a fixed order, lists comma-separated and sorted; a value may not contain a line break, a comma
 * or an equals sign where that would make the text ambiguous, so two different certificates never share a text.
 * Every field is a string or a number, so a client that parses and re-serialises the JSON keeps them exact.
 */
public record CertificateContent(String id, String erasureId, String scope, String trigger, String subjectHash,
                                 String tenantHash, String category, String salt, List<Entry> erased,
                                 Long subjectsErased, List<String> dataKeysDestroyed, String erasedAt, String keyId,
                                 String algorithm) {

    static final String HEADER = "steward-erasure-certificate/v1";

    /** What one module deleted in one category. */
    public record Entry(String module, String category, long count) {
    }

    public String canonical() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        line(out, "id", id);
        line(out, "erasureId", erasureId);
        line(out, "scope", scope);
        line(out, "trigger", trigger);
        line(out, "subjectHash", subjectHash);
        line(out, "tenantHash", tenantHash);
        line(out, "category", category);
        line(out, "salt", salt);
        List<String> entries = new ArrayList<>();
        for (Entry e : erased == null ? List.<Entry>of() : erased) {
            entries.add(safe(e.module()) + "/" + safe(e.category()) + ":" + e.count());
        }
        entries.sort(null);
        raw(out, "erased", String.join(",", entries));
        line(out, "subjectsErased", subjectsErased == null ? null : subjectsErased.toString());
        List<String> keys = new ArrayList<>(dataKeysDestroyed == null ? List.of() : dataKeysDestroyed);
        keys.replaceAll(CertificateContent::safe);
        keys.sort(null);
        raw(out, "dataKeysDestroyed", String.join(",", keys));
        line(out, "erasedAt", erasedAt);
        line(out, "keyId", keyId);
        line(out, "algorithm", algorithm);
        return out.toString();
    }

    /** Reads a canonical text back (the stored form of a certificate). */
    public static CertificateContent parse(String canonical) {
        Map<String, String> f = new LinkedHashMap<>();
        String[] lines = canonical.split("\n");
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            f.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
        }
        List<Entry> erased = new ArrayList<>();
        String er = f.get("erased");
        if (er != null && !er.isEmpty()) {
            for (String item : er.split(",")) {
                int slash = item.indexOf('/');
                int colon = item.lastIndexOf(':');
                erased.add(new Entry(item.substring(0, slash), item.substring(slash + 1, colon),
                        Long.parseLong(item.substring(colon + 1))));
            }
        }
        String keys = f.get("dataKeysDestroyed");
        String subjects = nullIfDash(f.get("subjectsErased"));
        return new CertificateContent(nullIfDash(f.get("id")), nullIfDash(f.get("erasureId")),
                nullIfDash(f.get("scope")), nullIfDash(f.get("trigger")), nullIfDash(f.get("subjectHash")),
                nullIfDash(f.get("tenantHash")), nullIfDash(f.get("category")), nullIfDash(f.get("salt")), erased,
                subjects == null ? null : Long.valueOf(subjects),
                keys == null || keys.isEmpty() ? List.of() : List.of(keys.split(",")), nullIfDash(f.get("erasedAt")),
                nullIfDash(f.get("keyId")), nullIfDash(f.get("algorithm")));
    }

    /** {@code sha256:<hex>} of the salt and the kind-prefixed id: whoever knows the id can check it is the one. */
    public static String saltedHash(String salt, String kind, String id) {
        if (id == null) {
            return null;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(sha.digest((salt + ":" + kind + ":" + id)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append('=').append(value == null ? "-" : safe(value)).append('\n');
    }

    /** A list whose items were escaped one by one: its separating commas stay. */
    private static void raw(StringBuilder out, String name, String value) {
        out.append(name).append('=').append(value).append('\n');
    }

    /** Line breaks, commas and the other separators are escaped, so that no value can forge another field. */
    private static String safe(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder s = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\n' || c == '\r' || c == ',' || c == '%') {
                s.append('%').append(String.format("%02X", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static String nullIfDash(String v) {
        return v == null || "-".equals(v) ? null : v;
    }
}
