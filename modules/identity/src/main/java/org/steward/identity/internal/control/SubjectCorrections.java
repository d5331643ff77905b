package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.steward.identity.api.SubjectRectification;
import org.steward.identity.internal.boundary.SubjectInput;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.sensitive.SensitiveDataDetector;

/**
 * Rectification for other modules (Art. 16): the same checks as {@code PATCH …/subjects/{s}}, then
 * {@link Subjects#rectify}, which applies the gate and the duplicate checks and fires the event. Every refusal names
 * {@code corrections.<field>}: the caller's input is the map of corrections, not a subject body.
 */
@ApplicationScoped
public class SubjectCorrections implements SubjectRectification {

    private static final String PREFIX = "corrections.";

    @Inject
    Subjects subjects;

    @Inject
    SensitiveDataDetector sensitive;

    @Inject
    Validator validator;

    /** Checks everything it can before it touches the transaction, so that a refused value does not doom it. */
    @Override
    public void rectify(TenantId tenantId, SubjectId subjectId, Map<String, String> corrections) {
        if (corrections == null || corrections.isEmpty()) {
            throw ProblemException.invalid("corrections", "name at least one field to rectify");
        }
        Map<String, String> given = new TreeMap<>(corrections);
        Set<String> cleared = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!FIELDS.contains(e.getKey())) {
                errors.add(new FieldError(PREFIX + e.getKey(), "is not a field a rectification may name " + FIELDS));
            } else if (e.getValue() == null || e.getValue().isBlank()) {
                cleared.add(e.getKey());
            } else {
                invalid(e.getKey(), e.getValue().strip()).ifPresent(m -> errors.add(new FieldError(PREFIX + e.getKey(), m)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.get(0).field() + ": " + errors.get(0).message()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""), errors);
        }
        String displayName = value(given, "displayName");
        sensitive.refuseIfSensitive(PREFIX + "displayName", displayName);
        try {
            subjects.rectify(tenantId.asString(), subjectId.asString(), new Subjects.Identifiers(
                    value(given, "email"), value(given, "username"), value(given, "accountId"), displayName), cleared);
        } catch (ProblemException p) {
            throw prefixed(p);
        }
    }

    /**
     * The first message of the PATCH body's own constraints for this field, so both paths refuse the same values
     * (checked stripped, as identity stores them).
     */
    private Optional<String> invalid(String field, String value) {
        return validator.validateValue(SubjectInput.class, field, value).stream()
                .map(ConstraintViolation::getMessage).sorted().findFirst();
    }

    private static String value(Map<String, String> given, String field) {
        String v = given.get(field);
        return v == null || v.isBlank() ? null : v;
    }

    /** Identity names a subject's fields bare (its HTTP body is the subject); here they are corrections. */
    private static ProblemException prefixed(ProblemException p) {
        if (p.errors().stream().noneMatch(e -> FIELDS.contains(e.field()))) {
            return p;
        }
        List<FieldError> errors = p.errors().stream()
                .map(e -> FIELDS.contains(e.field()) ? new FieldError(PREFIX + e.field(), e.message()) : e).toList();
        return new ProblemException(p.type(), p.getMessage(), errors);
    }
}
