package org.steward.subjectrights.internal.control;

import java.util.List;
import java.util.Map;

/** The export's readable summary page: plain HTML, no scripts and no outside resources, so it opens offline. */
public final class ExportIndex {

    private ExportIndex() {
    }

    static String html(ExportSummary s, List<ExportArchive.Part> parts, Map<String, Integer> holderNo) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Your personal data</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;"
                + "padding:0 1em;color:#111}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;"
                + "padding:.3em .5em;text-align:left;vertical-align:top}</style></head><body>\n");
        h.append("<h1>Your personal data</h1>\n<p>This is the copy of the personal data we hold about you, as it was"
                + " on ").append(esc(s.fulfilledAt().toString())).append(", in answer to your request ")
                .append(esc(s.requestId())).append(" (").append(esc(s.type())).append(", ")
                .append(esc(s.jurisdiction())).append(", received ").append(esc(s.receivedAt().toString()))
                .append(").</p>\n<p><code>export.json</code> holds all of it in a machine-readable form; each category"
                        + " below is also a CSV file.</p>\n");
        for (Map.Entry<String, Integer> holder : holderNo.entrySet()) {
            h.append("<h2>").append(esc(holder.getKey())).append("</h2>\n<table><thead><tr><th>What</th>"
                    + "<th>Where it came from</th><th>Kind</th><th>Records</th><th>File</th></tr></thead><tbody>\n");
            for (ExportArchive.Part p : parts) {
                if (!p.holder().equals(holder.getKey())) {
                    continue;
                }
                h.append("<tr><td>").append(esc(p.title())).append(" <small>(").append(esc(p.module())).append(")"
                        + "</small></td><td>").append(esc(p.source())).append("</td><td>")
                        .append(esc(provenance(p.provenance()))).append("</td><td>").append(p.rows())
                        .append("</td><td><code>").append(esc(ExportArchive.csvPath(holderNo, p)))
                        .append("</code></td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h2>Why we hold it and for how long</h2>\n<p>The purposes and their legal bases are in the"
                + " <em>purposes</em> category, and how long each category is kept in <em>retention-policies</em>."
                + "</p>\n<h2>Your rights</h2>\n<p>You may ask us to correct, erase or restrict this data, object to"
                + " its processing, take it elsewhere, or withdraw your consent. ")
                .append(esc(s.complaintNotice())).append("</p>\n</body></html>\n");
        return h.toString();
    }

    private static String provenance(String p) {
        return switch (p) {
            case "PROVIDED" -> "you gave it to us";
            case "OBSERVED" -> "recorded while you used the service";
            default -> "what we decided about it";
        };
    }

    /** HTML text and attribute values, escaped (the export's index page and the privacy center's form pages). */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
