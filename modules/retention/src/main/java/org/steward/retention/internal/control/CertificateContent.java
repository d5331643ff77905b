package org.steward.retention.internal.control;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steward.platform.kernel.api.CanonicalJson;

/**
 * What an erasure certificate says, and its canonical form: the exact bytes that are signed and stored. Every field
 * is a string or a number, so a client that parses and re-serialises the JSON keeps them exact.
 *
 * <p>Version 2 (issued now): the RFC 8785 form of the certificate as served, without its {@code signature} member,
 * with {@code version: 2}, null members left out and both lists sorted (so their order does not matter).
 * Version 1 (certificates issued before; they must go on verifying): the header {@value #HEADER}, then one
 * {@code name=value} line per field in a fixed order, lists comma-separated and sorted, separators in values
 * escaped so that two different certificates never share a text.
 */
public record CertificateContent(String id, String erasureId, String scope, String trigger, String subjectHash,
                                 String tenantHash, String category, String salt, List<Entry> erased,
                                 Long subjectsErased, List<String> dataKeysDestroyed, String erasedAt, String keyId,
                                 String algorithm) {

    static final String HEADER = "steward-erasure-certificate/v1";

    /** The version new certificates are signed in. */
    public static final int VERSION = 2;

    private static final Comparator<Entry> ENTRY_ORDER = Comparator.comparing(Entry::module)
            .thenComparing(Entry::category).thenComparingLong(Entry::count);

    /** What one module deleted in one category. */
    public record Entry(String module, String category, long count) {
    }

    /** The canonical form of the current {@link #VERSION}. */
    public String canonical() {
        return canonical(VERSION);
    }

    public String canonical(int version) {
        return switch (version) {
            case 1 -> textV1();
            case 2 -> CanonicalJson.ofMembers(documentV2());
            default -> throw new IllegalArgumentException("No erasure certificate version " + version);
        };
    }

    /** Whether a certificate of this version can be checked here. */
    public static boolean known(int version) {
        return version == 1 || version == VERSION;
    }

    /** The version of a stored canonical form. */
    public static int versionOf(String canonical) {
        return canonical.startsWith(HEADER + "\n") ? 1 : json(canonical).getInt("version");
    }

    /** The members of the served certificate (CertificateView) but the signature. */
    private Map<String, Object> documentV2() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", VERSION);
        m.put("id", id);
        m.put("erasureId", erasureId);
        m.put("scope", scope);
        m.put("trigger", trigger);
        m.put("subjectHash", subjectHash);
        m.put("tenantHash", tenantHash);
        m.put("category", category);
        m.put("salt", salt);
        m.put("erased", (erased == null ? List.<Entry>of() : erased).stream().sorted(ENTRY_ORDER)
                .map(e -> Map.of("module", e.module(), "category", e.category(), "count", e.count())).toList());
        m.put("subjectsErased", subjectsErased);
        m.put("dataKeysDestroyed", (dataKeysDestroyed == null ? List.<String>of() : dataKeysDestroyed).stream()
                .sorted().toList());
        m.put("erasedAt", erasedAt);
        m.put("keyId", keyId);
        m.put("algorithm", algorithm);
        return m;
    }

    private String textV1() {
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

    /** Reads a canonical form back (the stored form of a certificate), of either version. */
    public static CertificateContent parse(String canonical) {
        return versionOf(canonical) == 1 ? parseV1(canonical) : parseV2(json(canonical));
    }

    private static CertificateContent parseV2(JsonObject o) {
        List<Entry> erased = o.getJsonArray("erased").getValuesAs(JsonObject.class).stream()
                .map(e -> new Entry(e.getString("module"), e.getString("category"),
                        e.getJsonNumber("count").longValueExact())).toList();
        JsonNumber subjects = o.getJsonNumber("subjectsErased");
        return new CertificateContent(o.getString("id", null), o.getString("erasureId", null),
                o.getString("scope", null), o.getString("trigger", null), o.getString("subjectHash", null),
                o.getString("tenantHash", null), o.getString("category", null), o.getString("salt", null), erased,
                subjects == null ? null : subjects.longValueExact(),
                o.getJsonArray("dataKeysDestroyed").getValuesAs(JsonString::getString),
                o.getString("erasedAt", null), o.getString("keyId", null), o.getString("algorithm", null));
    }

    private static JsonObject json(String canonical) {
        try (JsonReader reader = JSON.createReader(new StringReader(canonical))) {
            return reader.readObject();
        }
    }

    private static CertificateContent parseV1(String canonical) {
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
