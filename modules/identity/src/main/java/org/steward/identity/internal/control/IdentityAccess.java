package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steward.identity.internal.entity.RecordCategory;
import org.steward.identity.internal.entity.Subject;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.access.AccessParticipant;
import org.steward.platform.kernel.api.access.AccessSection;
import org.steward.platform.kernel.api.access.Provenance;
import org.steward.platform.kernel.api.access.RecordWriter;
import org.steward.platform.kernel.api.access.SubjectAccess;

/**
 * Identity's part of an access export: the subject's identifiers and every personal record of policy §4b,
 * decrypted, page by page. A stored personal access token is the subject's own secret: the export says that one is
 * held, never the token, so a leaked export cannot be used against their site.
 */
@ApplicationScoped
public class IdentityAccess implements AccessParticipant {

    private static final int PAGE = 500;

    @Inject
    Subjects subjects;

    @Inject
    PersonalRecords records;

    @Override
    public String module() {
        return "identity";
    }

    @Override
    public void exportSubject(SubjectAccess access, AccessSection section) {
        String tenant = access.tenantId().asString();
        String subjectId = access.subjectId().asString();
        Subject s = subjects.find(tenant, subjectId);
        Subjects.Decrypted d = subjects.decrypt(s);
        try (RecordWriter w = section.category("profile", "Your profile", Provenance.PROVIDED,
                "you, or the vendor's app when you signed up", List.of("subjectId", "tenantId", "email", "username",
                        "accountId", "displayName", "minor", "createdAt", "updatedAt"))) {
            w.row(subjectId, tenant, d.identifiers().email(), d.identifiers().username(),
                    d.identifiers().accountId(), d.identifiers().displayName(), s.minor(), s.createdAt(),
                    s.updatedAt());
        }
        for (RecordCategory c : RecordCategory.values()) {
            try (RecordWriter w = section.category(c.key(), title(c), provenance(c), source(c),
                    List.of("recordId", "obtainedAt", "createdAt", "content"))) {
                String after = null;
                while (true) {
                    @SuppressWarnings({"rawtypes", "unchecked"})
                    List<PersonalRecords.Opened<Map>> page = (List) records.list(tenant, subjectId, c, Map.class,
                            new PageRequest(PAGE, after));
                    if (page.isEmpty()) {
                        break;
                    }
                    for (PersonalRecords.Opened<Map> o : page) {
                        w.row(o.record().rawId(), o.record().obtainedAt(), o.record().createdAt(),
                                withoutSecrets(o.content()));
                        after = o.record().rawId();
                    }
                }
            }
        }
    }

    private static Map<String, Object> withoutSecrets(Map<?, ?> content) {
        Map<String, Object> out = new LinkedHashMap<>();
        content.forEach((k, v) -> out.put(String.valueOf(k), "personalAccessToken".equals(k)
                ? (v == null ? null : "(held encrypted; not shown)") : v));
        return out;
    }

    private static String title(RecordCategory c) {
        return switch (c) {
            case CONTACT -> "Contact requests";
            case FEEDBACK -> "Feedback";
            case CONNECTION -> "Connection details";
            case SYNC_PROFILE -> "Sync profiles";
            case DRIP_ACTIVITY -> "Welcome email activity";
        };
    }

    private static Provenance provenance(RecordCategory c) {
        return switch (c) {
            case CONTACT, FEEDBACK, SYNC_PROFILE -> Provenance.PROVIDED;
            case CONNECTION, DRIP_ACTIVITY -> Provenance.OBSERVED;
        };
    }

    private static String source(RecordCategory c) {
        return switch (c) {
            case CONTACT -> "you, through the vendor's contact form";
            case FEEDBACK -> "you, through the vendor's feedback form";
            case CONNECTION -> "recorded by the vendor's app when you connected a site";
            case SYNC_PROFILE -> "you, when you set up synchronisation in the vendor's app";
            case DRIP_ACTIVITY -> "recorded by the vendor's mail system when welcome emails were sent and read";
        };
    }
}
