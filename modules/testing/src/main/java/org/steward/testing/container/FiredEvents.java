package org.steward.testing.container;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every Steward event fired synchronously in the deployment, with whether a transaction was active when it was
 * fired. Tests clear it before the step they look at.
 */
@ApplicationScoped
public class FiredEvents {

    /** An event and whether it was fired inside an active transaction. */
    public record Fired(Object event, boolean inTransaction) {
    }

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry registry;

    private final List<Fired> fired = new CopyOnWriteArrayList<>();

    void on(@Observes Object event) {
        if (event.getClass().getName().startsWith("org.steward.")) {
            fired.add(new Fired(event, registry.getTransactionStatus() == Status.STATUS_ACTIVE));
        }
    }

    public void clear() {
        fired.clear();
    }

    public <T> List<T> of(Class<T> type) {
        return fired.stream().map(Fired::event).filter(type::isInstance).map(type::cast).toList();
    }

    public List<Fired> all() {
        return List.copyOf(fired);
    }
}
