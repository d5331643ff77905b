package org.steward.consent.internal.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.internal.control.Ropa;
import org.steward.consent.internal.control.RopaParties;

@Schema(name = "Ropa", description = "GDPR Art. 30 record of processing activities, one activity per purpose. "
        + "A setting that the operator left unset reads \"not configured\".")
public record RopaView(@Schema(required = true) Controller controller,
                       @Schema(required = true) PrivacyOfficer privacyOfficer,
                       @Schema(required = true) SecurityMeasures securityMeasures,
                       @Schema(required = true, description = "Where recipients and third-country transfers come from")
                       String recipientsAndTransfers,
                       @Schema(required = true, format = "date-time") OffsetDateTime generatedAt,
                       @Schema(required = true, type = SchemaType.ARRAY, implementation = Activity.class)
                       List<Activity> activities) {

    static RopaView of(RopaParties.Head head, OffsetDateTime generatedAt, List<Ropa.Activity> activities) {
        RopaParties.Controller c = head.controller();
        RopaParties.PrivacyOfficer o = head.privacyOfficer();
        return new RopaView(new Controller(c.name(), c.address(), c.contact()), new PrivacyOfficer(o.name(), o.contact()),
                new SecurityMeasures(head.securityMeasures().technical(), head.securityMeasures().organisational()),
                head.recipientsAndTransfers(), generatedAt, activities.stream().map(Activity::of).toList());
    }

    /** Art. 30(1)(a): the controller. */
    @Schema(name = "RopaController")
    public record Controller(@Schema(required = true) String name,
                             @Schema(required = true) String address,
                             @Schema(required = true) String contact) {
    }

    /** Art. 30(1)(a) and Art. 37: the privacy officer (data protection officer). */
    @Schema(name = "RopaPrivacyOfficer")
    public record PrivacyOfficer(@Schema(required = true) String name,
                                 @Schema(required = true) String contact) {
    }

    /** Art. 30(1)(g), Art. 32: what Steward does (technical) and what the operator declares (organisational). */
    @Schema(name = "RopaSecurityMeasures")
    public record SecurityMeasures(@Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
                                   List<String> technical,
                                   @Schema(required = true) String organisational) {
    }

    @Schema(name = "RopaActivity")
    public record Activity(@Schema(required = true) String purposeKey,
                           @Schema(required = true) String purpose,
                           @Schema(required = true) String description,
                           @Schema(required = true) String legalBasis,
                           @Schema(required = true) boolean saleOrSharing,
                           @Schema(required = true) boolean optOutAllowed,
                           @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
                           List<String> dataCategories,
                           @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
                           List<String> dataSubjects,
                           @Schema(required = true) String recipients,
                           @Schema(required = true) String transfers,
                           @Schema(required = true) String retention) {

        static Activity of(Ropa.Activity a) {
            return new Activity(a.purposeKey(), a.purpose(), a.description(), a.legalBasis(), a.saleOrSharing(),
                    a.optOutAllowed(), a.dataCategories(), a.dataSubjects(), a.recipients(), a.transfers(),
                    a.retention());
        }
    }
}
