package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.steward.consent.api.CcpaDisclosure;
import org.steward.consent.api.RopaContributor;
import org.steward.consent.internal.entity.DataCategory;
import org.steward.consent.internal.entity.Purpose;
import org.steward.platform.kernel.api.Csv;

/**
 * The GDPR Art. 30 record of processing activities, one activity per purpose, under a head that names the
 * controller, the privacy officer and the security measures ({@link RopaParties}). Recipients, transfers and
 * retention come from other modules through {@link RopaContributor}; until one contributes, they read "not yet
 * recorded" (recipients and transfers say that the sharing module will record them).
 */
@ApplicationScoped
public class Ropa {

    public static final String NOT_RECORDED = "not yet recorded";

    public record Activity(String purposeKey, String purpose, String description, String legalBasis,
                           boolean saleOrSharing, boolean optOutAllowed, List<String> dataCategories,
                           List<String> dataSubjects, String recipients, String transfers, String retention) {
    }

    @Inject
    Purposes purposes;

    @Inject
    @Any
    Instance<RopaContributor> contributors;

    public List<Activity> activities() {
        return activities(true);
    }

    /** Without retired purposes: what the published notice says is done today. */
    public List<Activity> currentActivities() {
        return activities(false);
    }

    private List<Activity> activities(boolean withRetired) {
        List<Activity> out = new ArrayList<>();
        for (Purpose p : purposes.list()) {
            if (!withRetired && p.retired()) {
                continue;
            }
            List<String> categories = new ArrayList<>();
            TreeSet<String> subjects = new TreeSet<>();
            for (String key : p.categories()) {
                DataCategory c = purposes.category(key);
                categories.add(c == null ? key : c.name());
                if (c != null) {
                    subjects.add(c.dataSubjects());
                }
            }
            out.add(new Activity(p.key(), p.name(), p.description(), p.legalBasis().name(), p.ccpa() != CcpaDisclosure.NONE,
                    p.optOutAllowed(), categories, List.copyOf(subjects),
                    contributed(p.key(), RopaContributor::recipients, NOT_RECORDED),
                    contributed(p.key(), RopaContributor::transfers, NOT_RECORDED),
                    contributed(p.key(), (c, key) -> c.retention(key, List.copyOf(p.categories())), NOT_RECORDED)));
        }
        return out;
    }

    /**
     * One row per activity; the head (controller, privacy officer, security measures) is repeated on each row, so
     * that every row is a complete Art. 30 entry and a spreadsheet keeps one header line.
     */
    public static String csv(RopaParties.Head head, List<Activity> activities) {
        StringBuilder out = new StringBuilder();
        Csv.Writer csv = Csv.writer(out).row(List.of("purpose_key", "purpose", "description", "legal_basis",
                "sale_or_sharing", "opt_out_allowed", "data_categories", "data_subjects", "recipients", "transfers",
                "retention", "controller_name", "controller_address", "controller_contact", "privacy_officer_name",
                "privacy_officer_contact", "technical_measures", "organisational_measures"));
        RopaParties.Controller controller = head.controller();
        RopaParties.PrivacyOfficer officer = head.privacyOfficer();
        for (Activity a : activities) {
            csv.row(List.of(a.purposeKey(), a.purpose(), a.description(), a.legalBasis(),
                    Boolean.toString(a.saleOrSharing()), Boolean.toString(a.optOutAllowed()),
                    String.join("; ", a.dataCategories()), String.join("; ", a.dataSubjects()), a.recipients(),
                    a.transfers(), a.retention(), controller.name(), controller.address(), controller.contact(),
                    officer.name(), officer.contact(), String.join("; ", head.securityMeasures().technical()),
                    head.securityMeasures().organisational()));
        }
        return out.toString();
    }

    private String contributed(String purposeKey, BiFunction<RopaContributor, String, Optional<String>> column,
                               String fallback) {
        List<String> parts = new ArrayList<>();
        for (RopaContributor c : contributors) {
            column.apply(c, purposeKey).filter(s -> !s.isBlank()).ifPresent(parts::add);
        }
        return parts.isEmpty() ? fallback : String.join("; ", parts);
    }
}
