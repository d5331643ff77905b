package org.steward.platform.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.internal.ProblemClassifier;

class DatabaseOutageTest {

    @Test
    void aConnectionFailureDeepInTheChainIsAnOutage() {
        // pgjdbc: "Connection to 127.0.0.1:5432 refused" (08001), "This connection has been closed" (08003),
        // pg_terminate_backend (57P01), wrapped as EclipseLink and JPA wrap it.
        for (String state : new String[] {"08001", "08003", "08006", "57P01", "57P03"}) {
            Throwable wrapped = new PersistenceException("Exception [EclipseLink-4002]",
                    new RuntimeException(new SQLException("driver says no", state)));
            assertThat(DatabaseOutage.causes(wrapped)).as(state).isTrue();
            assertThat(ProblemClassifier.classify(wrapped).type()).isEqualTo(ProblemType.DATABASE_UNAVAILABLE);
            assertThat(ProblemClassifier.classify(wrapped).unexpected()).isFalse();
        }
        assertThat(DatabaseOutage.causes(new RuntimeException(new SQLTransientConnectionException("gone"))))
                .isTrue();
    }

    @Test
    void otherDatabaseErrorsStayBugs() {
        // 23505 unique violation, 42P01 undefined table, no state at all
        for (String state : new String[] {"23505", "42P01", null}) {
            Throwable wrapped = new PersistenceException(new SQLException("x", state));
            assertThat(DatabaseOutage.causes(wrapped)).as(String.valueOf(state)).isFalse();
        }
        assertThat(DatabaseOutage.causes(new IllegalStateException("no"))).isFalse();
        assertThat(ProblemType.DATABASE_UNAVAILABLE.status()).isEqualTo(503);
    }
}
