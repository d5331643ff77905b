package org.steward.testing.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.concurrent.Callable;

/**
 * Transactions for test code, which is not a transactional bean: work that commits, and work that rolls back
 * whatever it did. An exception from the work rolls back and reaches the test unchanged.
 */
@ApplicationScoped
public class Transactions {

    /** Work that may throw anything. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    @Inject
    UserTransaction tx;

    public <T> T commit(Callable<T> work) {
        return in(work, true);
    }

    public void commit(Work work) {
        in(() -> {
            work.run();
            return null;
        }, true);
    }

    /** Runs the work in a transaction that is then rolled back; returns what the work returned. */
    public <T> T rollback(Callable<T> work) {
        return in(work, false);
    }

    public void rollback(Work work) {
        in(() -> {
            work.run();
            return null;
        }, false);
    }

    private <T> T in(Callable<T> work, boolean commit) {
        try {
            tx.begin();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot begin a transaction", e);
        }
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            end(false);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } catch (Error e) {
            end(false);
            throw e;
        }
        end(commit);
        return result;
    }

    private void end(boolean commit) {
        try {
            if (commit && tx.getStatus() == Status.STATUS_ACTIVE) {
                tx.commit();
            } else if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (Exception e) {
            try {
                if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    tx.rollback();
                }
            } catch (IllegalStateException | SecurityException | SystemException ignored) {
                // already ended
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException("The transaction did not end", e);
        }
    }
}
