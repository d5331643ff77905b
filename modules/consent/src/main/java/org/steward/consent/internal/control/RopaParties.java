package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is responsible and how the data is protected, for the head of the Art. 30 record: the controller and the
 * privacy officer (Art. 30(1)(a)) from configuration, and the security measures (Art. 30(1)(g), Art. 32). A setting
 * left unset reads {@link #NOT_CONFIGURED}: the record never invents a name or an address.
 */
@ApplicationScoped
public class RopaParties {

    public static final String NOT_CONFIGURED = "not configured";

    /** What Steward itself does to every deployment; each line is a fact of the code (docs/architecture.md). */
    static final List<String> TECHNICAL_MEASURES = List.of(
            "Encryption at rest: each data subject's personal data is encrypted (AES-256-GCM) under a data key of "
                    + "its own, stored only wrapped by the master key (envelope encryption); erasure destroys the "
                    + "key (crypto-shredding)",
            "Pseudonymised look-up: identifiers are found through keyed HMAC-SHA-256 blind indexes, never stored "
                    + "in clear; personal access tokens are write-only",
            "Key rotation: the master key (data keys are re-wrapped in the background) and the blind-index key "
                    + "can be rotated",
            "Role-based access control on every endpoint (ADMIN, PRIVACY_OFFICER, SUPPORT_AGENT, AUDITOR, "
                    + "SERVICE); machine clients are bound to one tenant; passwords are stored as PBKDF2 hashes and "
                    + "failed logins are throttled",
            "Audit log: every change and every read of personal data is appended to a SHA-256 hash chain that "
                    + "holds ids only and can be verified",
            "Signed evidence: consent receipts and erasure certificates are signed with Ed25519",
            "Free-text fields are screened for special categories of data (GDPR Art. 9) and refused when one "
                    + "is found");

    static final String TLS = "Transport encryption: this record was served over HTTPS";

    static final String NO_TLS = "Transport encryption: not seen; this record was served over plain HTTP "
            + "(TLS on Steward's listener is not configured, or ends at a proxy in front of it)";

    public static final String RECIPIENTS_AND_TRANSFERS = "from the subprocessor register (the sharing module,"
            + " GET /api/v1/subprocessors): the active subprocessors that receive any of a purpose's data categories,"
            + " with their countries and transfer safeguards";

    public record Controller(String name, String address, String contact) {
    }

    public record PrivacyOfficer(String name, String contact) {
    }

    public record SecurityMeasures(List<String> technical, String organisational) {
    }

    public record Head(Controller controller, PrivacyOfficer privacyOfficer, SecurityMeasures securityMeasures,
                       String recipientsAndTransfers) {
    }

    @Inject
    @ConfigProperty(name = "steward.consent.controller-name", defaultValue = "Open Source Consulting Inc.")
    String controllerName;

    @Inject
    @ConfigProperty(name = "steward.consent.controller-address")
    Optional<String> controllerAddress;

    @Inject
    @ConfigProperty(name = "steward.consent.controller-contact",
            defaultValue = "https://cloud-osci.atlassian.net/helpcenter/app/")
    String controllerContact;

    @Inject
    @ConfigProperty(name = "steward.consent.privacy-officer-name")
    Optional<String> privacyOfficerName;

    @Inject
    @ConfigProperty(name = "steward.consent.privacy-officer-contact")
    Optional<String> privacyOfficerContact;

    @Inject
    @ConfigProperty(name = "steward.consent.organisational-measures")
    Optional<String> organisationalMeasures;

    /** The head of the record; {@code overTls} is whether the request that asks for it came over HTTPS. */
    public Head head(boolean overTls) {
        List<String> technical = new ArrayList<>(TECHNICAL_MEASURES);
        technical.add(overTls ? TLS : NO_TLS);
        return new Head(new Controller(orNot(Optional.ofNullable(controllerName)), orNot(controllerAddress),
                orNot(Optional.ofNullable(controllerContact))),
                new PrivacyOfficer(orNot(privacyOfficerName), orNot(privacyOfficerContact)),
                new SecurityMeasures(List.copyOf(technical), orNot(organisationalMeasures)), RECIPIENTS_AND_TRANSFERS);
    }

    private static String orNot(Optional<String> value) {
        return value.map(String::strip).filter(s -> !s.isEmpty()).orElse(NOT_CONFIGURED);
    }
}
