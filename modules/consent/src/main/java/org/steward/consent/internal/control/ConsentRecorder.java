package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentChanged;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.consent.internal.entity.ConsentState;
import org.steward.consent.internal.entity.ConsentStateKey;
import org.steward.consent.internal.entity.Notice;
import org.steward.consent.internal.entity.Purpose;
import org.steward.identity.api.PersonalDataGate;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.Times;

/**
 * The one write path of consent: checks everything first (purpose, action against legal basis, notice version,
 * expiry), then appends the event, moves the current-state projection and fires {@link ConsentChanged}, all in the
 * caller's transaction. Not {@code @Transactional} itself, so a refused line of an import does not doom the import's
 * transaction: nothing is written before every check has passed.
 */
@ApplicationScoped
public class ConsentRecorder {

    /** Imports may carry clocks a little ahead of ours; anything later is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public record Command(ConsentHolder holder, String tenantId, String purposeKey, ConsentAction action,
                          Integer noticeVersion, String noticeLanguage, ConsentSource source,
                          OffsetDateTime occurredAt, OffsetDateTime expiresAt, ConsentEvent.Proof proof,
                          String importKey) {
    }

    public record Recorded(ConsentEvent event, ConsentState state, Receipt receipt) {
    }

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Purposes purposes;

    @Inject
    Notices notices;

    @Inject
    Receipts receipts;

    @Inject
    Event<ConsentChanged> changed;

    @Inject
    PersonalDataGate gate;

    @Inject
    Clock clock;

    public Recorded record(Command c) {
        if (c.tenantId() != null) {
            // First, before any lock of consent's own: a tenant whose licence ended (or a Data Center tenant) is
            // given no consent event, and a licence cannot end while this one is being stored.
            gate.admit(TenantId.of(c.tenantId()));
        }
        OffsetDateTime now = Times.now(clock);
        Purpose purpose = purposes.named(c.purposeKey(), "purpose");
        ConsentRules.checkOpen(purpose.key(), purpose.ccpa(), purpose.retired(), c.action());
        ConsentStatus status = ConsentRules.resulting(purpose.legalBasis(), purpose.optOutAllowed(),
                purpose.sharing(), c.action());
        String language = c.noticeLanguage() == null ? Notices.DEFAULT_LANGUAGE : c.noticeLanguage();
        Notice notice = null;
        if (c.noticeVersion() != null) {
            Notices.checkLanguage(language, "noticeLanguage");
            notice = notices.version(purpose.key(), language, c.noticeVersion());
        } else if (c.action() == ConsentAction.GRANT) {
            throw ProblemException.invalid("noticeVersion", "is required for a GRANT: it records what was shown");
        }
        OffsetDateTime occurredAt = c.occurredAt() == null ? now : stored(c.occurredAt());
        OffsetDateTime expiresAt = stored(c.expiresAt());
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("occurredAt", "must not be in the future");
        }
        if (c.action() == ConsentAction.GRANT && notice != null && occurredAt.isBefore(notice.createdAt())) {
            // A grant records what the subject was shown: a version published later cannot have been (an import).
            throw new ProblemException(ProblemType.BUSINESS_RULE, "A GRANT cannot predate the notice it cites",
                    List.of(new FieldError("occurredAt", "is before notice version " + notice.version() + " ("
                            + notice.language() + ") of purpose " + purpose.key() + " was published at "
                            + notice.createdAt())));
        }
        ConsentRules.checkExpiry(c.action(), occurredAt, expiresAt, now);

        ConsentEvent.NoticeRef noticeRef = notice == null ? ConsentEvent.NoticeRef.NONE
                : new ConsentEvent.NoticeRef(notice.id(), notice.version(), notice.language());
        ConsentEvent event = new ConsentEvent(Ids.newId().toString(), c.tenantId(), c.holder().ref(), purpose.key(),
                c.action(), status, noticeRef, c.source(), occurredAt, expiresAt, c.proof(), c.importKey(),
                Ids.newId().toString(), now);
        em.persist(event);
        ConsentState state = project(event);
        changed.fire(new ConsentChanged(c.tenantId() == null ? null : TenantId.of(c.tenantId()), c.holder(),
                purpose.key(), c.action(), state.status(), now));
        return new Recorded(event, state, receipts.issue(event, purpose, notice));
    }

    /**
     * A given time as it is stored (UTC, microseconds, like {@code Times.now}): the receipt signed now must be the
     * one that can be rebuilt from the stored event later (H2 and PostgreSQL round nanoseconds away).
     */
    private static OffsetDateTime stored(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** The state row is locked while it moves, so two changes to one holder × purpose apply one after the other. */
    private ConsentState project(ConsentEvent event) {
        ConsentState state = em.find(ConsentState.class, new ConsentStateKey(event.holderRef(), event.purposeKey()),
                LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            state = new ConsentState(event);
            em.persist(state);
        } else {
            state.apply(event);
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Another change to this consent was recorded at the same time; try again");
        }
        return state;
    }
}
