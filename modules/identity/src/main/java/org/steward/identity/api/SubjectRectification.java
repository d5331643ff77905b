package org.steward.identity.api;

import java.util.Map;
import java.util.Set;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * GDPR Art. 16 for other modules (subject-rights): corrects a subject's identifiers as {@code PATCH …/subjects/{s}}
 * does, in the caller's transaction: the same validation, the sensitive-data check, the personal-data gate and the
 * duplicate checks; the old values are not kept; {@link SubjectRectified} fires with the field names.
 */
public interface SubjectRectification {

    /** The fields a rectification may name. */
    Set<String> FIELDS = Set.of("email", "username", "accountId", "displayName");

    /**
     * Applies the corrections (field name → new value; a null or blank value clears an optional field).
     *
     * @throws org.steward.platform.kernel.api.ProblemException 422 naming {@code corrections.<field>} for an unknown
     *         field or an invalid value, 404 when the subject does not exist in the tenant
     */
    void rectify(TenantId tenantId, SubjectId subjectId, Map<String, String> corrections);
}
