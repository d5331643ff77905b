package org.steward.subjectrights.internal.control;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.Csv;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.kernel.api.access.AccessSection;
import org.steward.platform.kernel.api.access.Provenance;
import org.steward.platform.kernel.api.access.RecordWriter;

/**
 * Writes a module's section of an export as it is handed over, row by row: each category becomes a part whose JSON
 * array and CSV fill 64 KB text buffers, each stored as one encrypted chunk with a plain INSERT (nothing stays in
 * the persistence context), so a section of any size needs two buffers of memory.
 */
@ApplicationScoped
public class ExportStore {

    static final int CHUNK_CHARS = 64 * 1024;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Clock clock;

    public AccessSection section(String requestId, KeyedCipher cipher, String module, String holder) {
        return (key, title, provenance, source, columns) -> open(requestId, cipher, module, holder, key, title,
                provenance, source, columns);
    }

    public void discard(String requestId, String module, String holder) {
        em.createNativeQuery("DELETE FROM subject_rights_export_chunk WHERE part_id IN (SELECT id FROM"
                        + " subject_rights_export_part WHERE request_id = ? AND module = ? AND holder = ?)")
                .setParameter(1, requestId).setParameter(2, module).setParameter(3, holder).executeUpdate();
        em.createNativeQuery("DELETE FROM subject_rights_export_part WHERE request_id = ? AND module = ?"
                + " AND holder = ?").setParameter(1, requestId).setParameter(2, module).setParameter(3, holder)
                .executeUpdate();
    }

    public void discardAll(String requestId) {
        em.createNativeQuery("DELETE FROM subject_rights_export_chunk WHERE part_id IN (SELECT id FROM"
                + " subject_rights_export_part WHERE request_id = ?)").setParameter(1, requestId).executeUpdate();
        em.createNativeQuery("DELETE FROM subject_rights_export_part WHERE request_id = ?")
                .setParameter(1, requestId).executeUpdate();
    }

    private RecordWriter open(String requestId, KeyedCipher cipher, String module, String holder, String key,
                              String title, Provenance provenance, String source, List<String> columns) {
        if (key == null || !key.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("A category key is 1 to 64 of a-z, 0-9 and '-'");
        }
        String partId = Ids.newId().toString();
        Number partNo = (Number) em.createNativeQuery("SELECT COUNT(*) FROM subject_rights_export_part WHERE"
                + " request_id = ?").setParameter(1, requestId).getSingleResult();
        JsonArrayBuilder cols = JSON.createArrayBuilder();
        columns.forEach(cols::add);
        em.createNativeQuery("INSERT INTO subject_rights_export_part (id, request_id, part_no, module, holder,"
                        + " category, title, provenance, source, column_names, row_count, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
                .setParameter(1, partId).setParameter(2, requestId).setParameter(3, partNo.intValue() + 1)
                .setParameter(4, module).setParameter(5, holder).setParameter(6, key).setParameter(7, title)
                .setParameter(8, provenance.name()).setParameter(9, source == null ? "" : source)
                .setParameter(10, cols.build().toString()).setParameter(11, Times.now(clock)).executeUpdate();
        return new PartWriter(partId, cipher, List.copyOf(columns));
    }

    /** The rows of one part, into its two chunked streams. */
    private final class PartWriter implements RecordWriter {
        private final String partId;
        private final KeyedCipher cipher;
        private final List<String> columns;
        private final ChunkedText json;
        private final ChunkedText csv;
        private long rows;
        private boolean closed;

        PartWriter(String partId, KeyedCipher cipher, List<String> columns) {
            this.partId = partId;
            this.cipher = cipher;
            this.columns = columns;
            this.json = new ChunkedText(CHUNK_CHARS, (seq, text) -> store("JSON", seq, text));
            this.csv = new ChunkedText(CHUNK_CHARS, (seq, text) -> store("CSV", seq, text));
            json.append("[");
            csv.append(Csv.line(columns));
        }

        @Override
        public void row(Object... values) {
            if (closed) {
                throw new IllegalStateException("This category is closed");
            }
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
            }
            JsonObjectBuilder o = JSON.createObjectBuilder();
            List<String> cells = new ArrayList<>(values.length);
            for (int i = 0; i < values.length; i++) {
                JsonValue v = ExportValues.json(values[i]);
                o.add(columns.get(i), v);
                cells.add(ExportValues.text(values[i], v));
            }
            json.append(rows == 0 ? "" : ",");
            json.append(o.build().toString());
            csv.append(Csv.line(cells));
            rows++;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            json.append("]");
            json.flush();
            csv.flush();
            em.createNativeQuery("UPDATE subject_rights_export_part SET row_count = ? WHERE id = ?")
                    .setParameter(1, rows).setParameter(2, partId).executeUpdate();
        }

        private void store(String format, int seq, String text) {
            em.createNativeQuery("INSERT INTO subject_rights_export_chunk (part_id, format, seq, data)"
                            + " VALUES (?, ?, ?, ?)").setParameter(1, partId).setParameter(2, format)
                    .setParameter(3, seq).setParameter(4, cipher.encrypt(ExportValues.chunkField(partId, format, seq),
                            text)).executeUpdate();
        }
    }
}
