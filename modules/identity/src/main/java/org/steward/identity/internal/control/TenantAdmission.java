package org.steward.identity.internal.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.steward.identity.api.HostingMode;
import org.steward.identity.api.LicenceStatus;
import org.steward.identity.api.PersonalDataGate;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.TenantId;

/**
 * The one gate in front of every personal-data write for a tenant (see {@link PersonalDataGate}). The tenant row is
 * read under a lock held to the end of the caller's transaction: {@code FOR SHARE} on PostgreSQL (admitted writes do
 * not wait for each other), {@code FOR UPDATE} on H2, which has no shared row lock. Not transactional itself: a refusal
 * does not doom the caller's transaction (an import goes on with its next line).
 */
@ApplicationScoped
public class TenantAdmission implements PersonalDataGate {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/steward")
    DataSource dataSource;

    @Inject
    DataCenterRule dataCenter;

    private volatile Boolean postgres;

    @Override
    public void admit(TenantId tenantId) {
        List<?> rows = em.createNativeQuery("SELECT licence_status, hosting_mode FROM identity_tenant WHERE id = ?1"
                        + (postgres() ? " FOR SHARE" : " FOR UPDATE"))
                .setParameter(1, tenantId.asString()).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Tenant", tenantId.asString());
        }
        Object[] row = (Object[]) rows.get(0);
        LicenceStatus status = LicenceStatus.valueOf((String) row[0]);
        if (status != LicenceStatus.ACTIVE) {
            throw new ProblemException(ProblemType.LICENCE_ENDED,
                    "The licence of tenant " + tenantId.asString() + " is " + status + ": its data is erased and, by"
                            + " policy §10, no personal data is accepted for it",
                    List.of(new FieldError("licence.state", "is " + status)));
        }
        dataCenter.check(tenantId.asString(), HostingMode.valueOf((String) row[1]));
    }

    private boolean postgres() {
        if (postgres == null) {
            try (Connection c = dataSource.getConnection()) {
                postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot tell the database", e);
            }
        }
        return postgres;
    }
}
