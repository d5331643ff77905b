package org.steward.retention.internal.control;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.erasure.ErasureReport;

/**
 * An erasure's report as it is stored ({@code retention_erasure.report}): JSON, one object per module,
 * {@code {"parts":[{"module":"identity","deleted":[{"category":"feedback","count":3}],"dataKeys":["<uuid>"]}]}}.
 * Reports stored before (CATEGORY erasures only) are {@code module/category=count;...}: they are read too, so that a
 * category sweep left unfinished by the upgrade continues where it was.
 */
final class StoredReports {

    private StoredReports() {
    }

    static String write(ErasureReport report) {
        JsonArrayBuilder parts = JSON.createArrayBuilder();
        for (ErasureReport.Part p : report.parts()) {
            JsonArrayBuilder deleted = JSON.createArrayBuilder();
            p.counts().forEach((category, count) -> deleted.add(JSON.createObjectBuilder().add("category", category)
                    .add("count", count)));
            JsonArrayBuilder keys = JSON.createArrayBuilder();
            p.dataKeys().forEach(k -> keys.add(k.asString()));
            JsonObjectBuilder part = JSON.createObjectBuilder().add("module", p.module()).add("deleted", deleted)
                    .add("dataKeys", keys);
            parts.add(part);
        }
        return JSON.createObjectBuilder().add("parts", parts).build().toString();
    }

    /** The stored report, in either form; an empty report for none. */
    static ErasureReport read(String text) {
        ErasureReport report = new ErasureReport();
        if (text == null || text.isBlank()) {
            return report;
        }
        if (text.stripLeading().startsWith("{")) {
            readJson(text, report);
        } else {
            readPairs(text, report);
        }
        return report;
    }

    private static void readJson(String text, ErasureReport report) {
        JsonObject root;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            root = reader.readObject();
        }
        for (JsonValue v : root.getJsonArray("parts")) {
            JsonObject p = v.asJsonObject();
            ErasureReport.Part part = report.part(p.getString("module"));
            for (JsonValue d : p.getJsonArray("deleted")) {
                JsonObject entry = d.asJsonObject();
                part.deleted(entry.getString("category"), entry.getJsonNumber("count").longValueExact());
            }
            p.getJsonArray("dataKeys").getValuesAs(JsonString.class)
                    .forEach(k -> part.dataKey(DataKeyId.of(k.getString())));
        }
    }

    /** The form before V3: {@code module/category=count} items separated by {@code ;}. */
    private static void readPairs(String text, ErasureReport report) {
        for (String item : text.split(";")) {
            int eq = item.lastIndexOf('=');
            int slash = item.indexOf('/');
            if (eq < 0 || slash < 0 || slash > eq) {
                throw new IllegalStateException("Unreadable stored erasure report item: " + item);
            }
            report.part(item.substring(0, slash)).deleted(item.substring(slash + 1, eq),
                    Long.parseLong(item.substring(eq + 1)));
        }
    }
}
