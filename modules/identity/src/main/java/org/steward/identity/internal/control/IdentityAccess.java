package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.steward.identity.internal.entity.RecordCategory;
import org.steward.identity.internal.entity.Subject;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.access.AccessParticipant;
import org.steward.platform.kernel.api.access.AccessSection;
import org.steward.platform.kernel.api.access.Provenance;
import org.steward.platform.kernel.api.access.RecordWriter;
import org.steward.platform.kernel.api.access.SubjectAccess;

/**
 * Identity's part in every access and portability export (GDPR Art. 15 and 20): the subject's profile, then one
 * category per kind of personal record of policy §4b, keyed like its data category in the register (so the export's
 * retention policies name it), decrypted under the subject's key.
 *
 * <p>Records are read in pages of {@value #PAGE} (keyset on the id) as plain columns, so no entity stays in the
 * transaction's persistence context: a subject with 10,000 records costs the memory of one page. A subject that is
 * not (or no longer) in the tenant gets every category, empty. The tenant's own data (name, site, licence) is the
 * licensee's, not the subject's, and is not exported. Identity holds nothing about website visitors' devices.
 */
@ApplicationScoped
public class IdentityAccess implements AccessParticipant {

    static final int PAGE = 500;

    static final List<String> PROFILE = List.of("subjectId", "tenantId", "email", "username", "accountId",
            "displayName", "minor", "createdAt", "updatedAt");

    private static final Jsonb JSON = JsonbBuilder.create();

    /** Each kind of record as the export shows it: its content fields as the record endpoints answer them. */
    enum Kind {
        CONTACT(RecordCategory.CONTACT, "Contact requests", Provenance.PROVIDED,
                "you, through the vendor's contact form or support", "name", "email", "username", "message"),
        FEEDBACK(RecordCategory.FEEDBACK, "Feedback", Provenance.PROVIDED,
                "you, with the feedback you sent the vendor", "name", "email", "text"),
        CONNECTION(RecordCategory.CONNECTION, "Connection details", Provenance.OBSERVED,
                "recorded by the vendor's app when you connected it to your Confluence or Jira site",
                "siteUrl", "userEmail", "hasToken") {
            /** The personal access token is a live credential: never shown by the API, nor by the export. */
            @Override
            Object value(Map<?, ?> content, String field) {
                return "hasToken".equals(field)
                        ? content.get("personalAccessToken") instanceof String t && !t.isEmpty()
                        : super.value(content, field);
            }
        },
        SYNC_PROFILE(RecordCategory.SYNC_PROFILE, "Sync configuration profiles", Provenance.PROVIDED,
                "you, when you set up a synchronization in the vendor's app", "name", "statusMappings",
                "issueTypes", "fieldValues", "userEmailMappings"),
        DRIP_ACTIVITY(RecordCategory.DRIP_ACTIVITY, "Onboarding email activity", Provenance.OBSERVED,
                "recorded by the vendor's email system as its onboarding emails reached you and you opened them",
                "sequence", "step", "event");

        final RecordCategory category;
        final String title;
        final Provenance provenance;
        final String source;
        final List<String> fields;

        Kind(RecordCategory category, String title, Provenance provenance, String source, String... fields) {
            this.category = category;
            this.title = title;
            this.provenance = provenance;
            this.source = source;
            this.fields = List.of(fields);
        }

        /** A field's value: a string, a number, or nested content (a map or list), as it was stored. */
        Object value(Map<?, ?> content, String field) {
            return content.get(field);
        }

        List<String> columns() {
            List<String> columns = new ArrayList<>(List.of("recordId", "obtainedAt"));
            columns.addAll(fields);
            return columns;
        }
    }

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Subjects subjects;

    @Inject
    Crypto crypto;

    @Override
    public String module() {
        return IdentityErasure.MODULE;
    }

    @Override
    public void exportSubject(SubjectAccess access, AccessSection section) {
        Subject subject = em.find(Subject.class, access.subjectId().asString());
        if (subject != null && !subject.tenantId().equals(access.tenantId())) {
            subject = null; // another tenant's subject: nothing of it belongs in this export
        }
        profile(subject, section);
        KeyedCipher cipher = subject == null ? null : crypto.cipher(subject.dataKeyId());
        for (Kind kind : Kind.values()) {
            records(subject, cipher, kind, section);
        }
    }

    private void profile(Subject subject, AccessSection section) {
        try (RecordWriter out = section.category("profile", "Your profile", Provenance.PROVIDED,
                "you, and the vendor's app when it registered your account", PROFILE)) {
            if (subject != null) {
                Subjects.Identifiers ids = subjects.decrypt(subject).identifiers();
                out.row(subject.rawId(), subject.tenantId().asString(), ids.email(), ids.username(),
                        ids.accountId(), ids.displayName(), subject.minor(), subject.createdAt(),
                        subject.updatedAt());
            }
        }
    }

    private void records(Subject subject, KeyedCipher cipher, Kind kind, AccessSection section) {
        List<String> columns = kind.columns();
        try (RecordWriter out = section.category(kind.category.key(), kind.title, kind.provenance, kind.source,
                columns)) {
            if (subject == null) {
                return;
            }
            String after = "";
            List<Object[]> page;
            do {
                page = em.createQuery("SELECT r.id, r.obtainedAt, r.payload FROM PersonalRecord r"
                                + " WHERE r.subjectId = :s AND r.category = :c AND r.id > :after ORDER BY r.id",
                                Object[].class)
                        .setParameter("s", subject.rawId()).setParameter("c", kind.category)
                        .setParameter("after", after).setMaxResults(PAGE).getResultList();
                for (Object[] r : page) {
                    after = (String) r[0];
                    Map<?, ?> content = JSON.fromJson(cipher.decrypt(PersonalRecords.field(after), (byte[]) r[2]),
                            Map.class);
                    Object[] values = new Object[columns.size()];
                    values[0] = after;
                    values[1] = r[1];
                    for (int i = 0; i < kind.fields.size(); i++) {
                        values[i + 2] = kind.value(content, kind.fields.get(i));
                    }
                    out.row(values);
                }
            } while (page.size() == PAGE);
        }
    }
}
