package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.steward.consent.api.RopaContributor;
import org.steward.retention.internal.entity.RetentionPolicy;

/** The retention column of the Art. 30 record: the current policy of each data category a purpose uses. */
@ApplicationScoped
public class RetentionRopa implements RopaContributor {

    @Inject
    Policies policies;

    @Override
    public Optional<String> retention(String purposeKey, List<String> categoryKeys) {
        Map<String, RetentionPolicy> byCategory = policies.list().stream()
                .collect(Collectors.toMap(RetentionPolicy::categoryKey, Function.identity()));
        List<String> parts = new ArrayList<>();
        for (String category : categoryKeys) {
            RetentionPolicy p = byCategory.get(category);
            if (p != null) {
                parts.add(category + ": " + describe(p));
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    static String describe(RetentionPolicy p) {
        return switch (p.trigger()) {
            case LICENCE_EXPIRY -> "erased when the licence expires or is terminated";
            case PURPOSE_FULFILLED -> "erased " + p.periodDays() + " days after the purpose is fulfilled";
            case INACTIVITY -> "erased " + p.periodDays() + " days after the subject's last activity";
            case FIXED -> "erased " + p.periodDays() + " days after collection";
        };
    }
}
