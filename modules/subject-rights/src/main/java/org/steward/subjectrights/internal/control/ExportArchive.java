package org.steward.subjectrights.internal.control;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.steward.platform.crypto.api.KeyedCipher;

/**
 * Streams a stored export: the ZIP of an access request ({@code export.json} with every module's section,
 * {@code csv/<n>/<module>/<category>.csv} per category, and a readable {@code index.html}), or the JSON of a
 * portability request (only what the subject provided). Chunks are read and decrypted one at a time.
 */
@ApplicationScoped
public class ExportArchive {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    /** One stored category, as listed in the part table. */
    record Part(String id, String module, String holder, String category, String title, String provenance,
                String source, long rows) {
    }

    public void zip(String requestId, KeyedCipher cipher, ExportSummary summary, OutputStream out) {
        List<Part> parts = parts(requestId, false);
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry("export.json"));
            json(parts, cipher, summary, w);
            w.flush();
            zip.closeEntry();
            Map<String, Integer> holderNo = holders(parts);
            for (Part p : parts) {
                zip.putNextEntry(new ZipEntry(csvPath(holderNo, p)));
                copy(p, "CSV", cipher, w);
                w.flush();
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("index.html"));
            w.write(ExportIndex.html(summary, parts, holderNo));
            w.flush();
            zip.closeEntry();
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void portability(String requestId, KeyedCipher cipher, ExportSummary summary, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            json(parts(requestId, true), cipher, summary, w);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csvPath(Map<String, Integer> holderNo, Part p) {
        return "csv/" + holderNo.get(p.holder()) + "/" + p.module() + "/" + p.category() + ".csv";
    }

    private static Map<String, Integer> holders(List<Part> parts) {
        Map<String, Integer> no = new LinkedHashMap<>();
        for (Part p : parts) {
            no.putIfAbsent(p.holder(), no.size() + 1);
        }
        return no;
    }

    private void json(List<Part> parts, KeyedCipher cipher, ExportSummary s, Writer w) throws IOException {
        JsonObjectBuilder head = JSON.createObjectBuilder().add("id", s.requestId()).add("type", s.type())
                .add("jurisdiction", s.jurisdiction()).add("receivedAt", s.receivedAt().toString())
                .add("fulfilledAt", s.fulfilledAt().toString()).add("rightToComplain", s.complaintNotice());
        w.write("{\"request\":" + head.build() + ",\"holders\":[");
        String holder = null;
        String module = null;
        for (Part p : parts) {
            if (!p.holder().equals(holder)) {
                if (holder != null) {
                    w.write("}}},");
                }
                w.write("{\"holder\":" + JSON.createValue(p.holder()) + ",\"modules\":{");
                holder = p.holder();
                module = null;
            }
            if (!p.module().equals(module)) {
                w.write(module == null ? "" : "},");
                w.write(JSON.createValue(p.module()) + ":{");
                module = p.module();
            } else {
                w.write(",");
            }
            w.write(JSON.createValue(p.category()) + ":");
            copy(p, "JSON", cipher, w);
        }
        w.write(holder == null ? "]}" : "}}}]}");
    }

    private void copy(Part p, String format, KeyedCipher cipher, Writer w) throws IOException {
        for (int seq = 0; ; seq++) {
            List<?> found = em.createNativeQuery("SELECT data FROM subject_rights_export_chunk WHERE part_id = ?"
                    + " AND format = ? AND seq = ?").setParameter(1, p.id()).setParameter(2, format)
                    .setParameter(3, seq).getResultList();
            if (found.isEmpty()) {
                return;
            }
            w.write(cipher.decrypt(ExportValues.chunkField(p.id(), format, seq), bytes(found.get(0))));
        }
    }

    private static byte[] bytes(Object column) {
        if (column instanceof byte[] b) {
            return b;
        }
        throw new IllegalStateException("An export chunk is not binary: " + column.getClass().getName());
    }

    private List<Part> parts(String requestId, boolean providedOnly) {
        List<Part> out = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT id, module, holder, category, title, provenance, source,"
                        + " row_count FROM subject_rights_export_part WHERE request_id = ?"
                        + (providedOnly ? " AND provenance = 'PROVIDED'" : "")
                        + " ORDER BY holder, module, part_no").setParameter(1, requestId).getResultList()) {
            Object[] r = (Object[]) row;
            out.add(new Part((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], ((Number) r[7]).longValue()));
        }
        return out;
    }
}
