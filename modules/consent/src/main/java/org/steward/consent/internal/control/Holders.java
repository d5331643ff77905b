package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.steward.consent.api.ConsentHolder;
import org.steward.identity.api.SubjectDirectory;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.security.api.TenantScope;

/** Resolves who a consent belongs to: a subject of a tenant (asked of identity), or a website visitor's device. */
@ApplicationScoped
public class Holders {

    @Inject
    SubjectDirectory directory;

    @Inject
    TenantScope tenantScope;

    /** The subject, which must exist in the tenant; a caller bound to another tenant is refused. */
    public ConsentHolder subject(String tenantId, String subjectId) {
        return find(tenantId, subjectId).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "Subject " + subjectId + " does not exist in this tenant",
                List.of(new FieldError("subjectId", "no such subject in this tenant"))));
    }

    public Optional<ConsentHolder> find(String tenantId, String subjectId) {
        if (Ids.parseOrNull(subjectId) == null) {
            return Optional.empty();
        }
        Optional<SubjectDirectory.SubjectRef> ref = directory.find(SubjectId.of(subjectId));
        if (ref.isEmpty() || !ref.get().tenantId().asString().equals(tenantId)) {
            return Optional.empty();
        }
        tenantScope.check(tenantId);
        return Optional.of(ConsentHolder.subject(ref.get().subjectId()));
    }

    /** The subject's tenant, for callers (the unsubscribe link) that know the subject only. */
    public Optional<String> tenantOf(String subjectId) {
        if (Ids.parseOrNull(subjectId) == null) {
            return Optional.empty();
        }
        return directory.find(SubjectId.of(subjectId)).map(r -> r.tenantId().asString());
    }

    public ConsentHolder device(String deviceId) {
        if (deviceId == null || !ConsentHolder.DEVICE_ID.matcher(deviceId).matches()) {
            throw ProblemException.invalid("deviceId", "must be 16 to 128 characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        return ConsentHolder.device(deviceId);
    }
}
