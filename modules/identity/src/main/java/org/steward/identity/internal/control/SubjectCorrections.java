package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.steward.identity.api.SubjectRectification;
import org.steward.identity.internal.boundary.SubjectInput;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.sensitive.SensitiveDataDetector;

/**
 * Rectification at a data-subject request: each value is checked by the same constraints as the PATCH body
 * ({@link SubjectInput}), the display name by the sensitive-data detector, and then it goes through
 * {@link Subjects#rectify}, the PATCH's own path (the gate, duplicate checks, {@code SubjectRectified}).
 */
@ApplicationScoped
public class SubjectCorrections implements SubjectRectification {

    @Inject
    Subjects subjects;

    @Inject
    Validator validator;

    @Inject
    SensitiveDataDetector sensitive;

    @Override
    public void rectify(TenantId tenantId, SubjectId subjectId, Map<String, String> corrections) {
        List<FieldError> errors = new ArrayList<>();
        if (corrections == null || corrections.isEmpty()) {
            errors.add(new FieldError("corrections", "name at least one field to correct"));
        } else {
            for (Map.Entry<String, String> e : corrections.entrySet()) {
                if (!FIELDS.contains(e.getKey())) {
                    errors.add(new FieldError("corrections." + e.getKey(), "unknown field"));
                    continue;
                }
                for (ConstraintViolation<SubjectInput> v : validator.validateValue(SubjectInput.class, e.getKey(),
                        e.getValue())) {
                    errors.add(new FieldError("corrections." + e.getKey(), v.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, "The corrections cannot be applied", errors);
        }
        if (corrections.containsKey("displayName")) {
            sensitive.refuseIfSensitive("corrections.displayName", corrections.get("displayName"));
        }
        subjects.rectify(tenantId.asString(), subjectId.asString(), new Subjects.Identifiers(
                corrections.get("email"), corrections.get("username"), corrections.get("accountId"),
                corrections.get("displayName")));
    }
}
