package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.identity.api.PersonalDataGate;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.TenantId;

/**
 * Bulk import of existing consents. Each line is checked like a live record; a refused line is reported with its
 * number and field and nothing of it is written, the others go on. A line whose import key is already stored for
 * the tenant is a duplicate and is skipped, so importing the same file twice changes nothing the second time.
 */
@ApplicationScoped
public class ConsentImport {

    public static final int MAX_LINES = 10_000;

    public record Report(int lines, int imported, int duplicates, List<ImportParser.LineError> errors) {
    }

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Holders holders;

    @Inject
    ConsentRecorder recorder;

    @Inject
    PersonalDataGate gate;

    public Report run(String tenantId, ImportParser.Parsed parsed) {
        int total = parsed.lines().size() + parsed.errors().size();
        if (total > MAX_LINES) {
            throw ProblemException.invalid("body", "at most " + MAX_LINES + " lines per import");
        }
        gate.admit(TenantId.of(tenantId)); // a whole import is refused, not each of its lines
        List<ImportParser.LineError> errors = new ArrayList<>(parsed.errors());
        Set<String> seen = new HashSet<>();
        int imported = 0;
        int duplicates = 0;
        // Oldest first, so the projection ends on each holder's latest action whatever the file's order.
        List<ImportLine> lines = new ArrayList<>(parsed.lines());
        lines.sort(Comparator.comparing(ImportLine::occurredAt));
        for (ImportLine line : lines) {
            if (!seen.add(line.importKey()) || stored(tenantId, line.importKey())) {
                duplicates++;
                continue;
            }
            Optional<ConsentHolder> holder = holders.find(tenantId, line.subjectId());
            if (holder.isEmpty()) {
                errors.add(new ImportParser.LineError(line.line(), "subjectId", "no such subject in this tenant"));
                continue;
            }
            try {
                recorder.record(new ConsentRecorder.Command(holder.get(), tenantId, line.purposeKey(), line.action(),
                        line.noticeVersion(), line.noticeLanguage(), line.source(), line.occurredAt(),
                        line.expiresAt(), ConsentEvent.Proof.NONE, line.importKey()));
                imported++;
            } catch (ProblemException e) {
                String field = e.errors().isEmpty() ? "line" : e.errors().get(0).field();
                String message = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
                errors.add(new ImportParser.LineError(line.line(), field, message));
            }
        }
        errors.sort(Comparator.comparingInt(ImportParser.LineError::line));
        return new Report(total, imported, duplicates, errors);
    }

    private boolean stored(String tenantId, String importKey) {
        return !em.createQuery("SELECT e.id FROM ConsentEvent e WHERE e.tenantId = :t AND e.importKey = :k",
                        String.class)
                .setParameter("t", tenantId).setParameter("k", importKey).setMaxResults(1).getResultList().isEmpty();
    }
}
