package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.identity.api.HostingMode;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

/**
 * Policy §4b, for every kind of personal data (asked by {@link TenantAdmission}): with Data Center hosting the apps run on the customer's premises and we hold no personal data. An
 * operator running Steward for their own organisation switches this off with
 * {@code STEWARD_IDENTITY_DATA_CENTER_REFUSES_PERSONAL_DATA=false}.
 */
@ApplicationScoped
public class DataCenterRule {

    @Inject
    @ConfigProperty(name = "steward.identity.data-center-refuses-personal-data", defaultValue = "true")
    boolean enabled;

    public void check(String tenantId, HostingMode mode) {
        if (enabled && mode == HostingMode.DATA_CENTER) {
            throw new ProblemException(ProblemType.DATA_CENTER_NO_PERSONAL_DATA,
                    "Tenant " + tenantId + " uses DATA_CENTER hosting: the apps run on the customer's premises"
                            + " and, by policy §4b, no personal data is stored on our side",
                    List.of(new FieldError("hostingMode", "is DATA_CENTER")));
        }
    }
}
