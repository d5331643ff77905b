package org.steward.platform.security.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.steward.platform.kernel.api.erasure.ErasureParticipant;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.TenantErasure;

/**
 * Platform security's part in every erasure (module {@value #MODULE}), in the erasure's transaction: when a tenant
 * is erased (scope TENANT), the Steward users and API keys bound to it are deleted with two set-based statements. A
 * username can be a person's name or email, and policy §10 asks that "any unique information that can identify an
 * individual" be deleted. Users and keys bound to no tenant (the admin, cross-tenant operators) are never touched;
 * audit entries keep only the ids.
 * <p>
 * Authentication fails at once after the commit: API keys are read on every request, and a remembered password is
 * re-checked against the row on every hit. After the commit, this instance's remembered passwords of the tenant's
 * users and what the throttle keeps about their names are dropped as well (other instances still fail at once through the
 * re-read; their failures are forgotten after {@link LoginThrottle#QUIET}).
 */
@ApplicationScoped
public class TenantCredentialsErasure implements ErasureParticipant {

    static final String MODULE = "platform";
    static final String USERS = "tenant-users";
    static final String API_KEYS = "tenant-api-keys";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry registry;

    @Inject
    Users users;

    @Inject
    LoginThrottle throttle;

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public void eraseTenant(TenantErasure erasure, ErasureReport.Part report) {
        String tenantId = erasure.tenantId().asString();
        // The names only, for the throttle: a tenant has a handful of operators, and no entity is loaded.
        List<String> usernames = em.createQuery("SELECT u.username FROM User u WHERE u.tenantId = :t", String.class)
                .setParameter("t", tenantId).getResultList();
        report.deleted(USERS, em.createQuery("DELETE FROM User u WHERE u.tenantId = :t")
                .setParameter("t", tenantId).executeUpdate());
        report.deleted(API_KEYS, em.createQuery("DELETE FROM ApiKey k WHERE k.tenantId = :t")
                .setParameter("t", tenantId).executeUpdate());
        Runnable forget = () -> {
            users.forgetTenant(tenantId);
            throttle.forget(usernames);
        };
        if (registry == null || registry.getTransactionKey() == null) {
            forget.run(); // not in a transaction (never, in practice): the deletions are already final
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    forget.run();
                }
            }
        });
    }
}
