package org.steward.sharing.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.steward.consent.api.PurposeCatalog;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;
import org.steward.sharing.internal.connector.OpenDsrSignatures;
import org.steward.sharing.internal.connector.WebhookSignature;
import org.steward.sharing.internal.entity.ChangeNotice;
import org.steward.sharing.internal.entity.Subprocessor;

/**
 * The subprocessor register. Adding a subprocessor, or widening the data one receives, is announced with an
 * objection window and takes effect only when the window ends ({@link #applyDue}); narrowing, other edits and
 * retirement take effect at once and are announced too. Every change is a {@link ChangeNotice}.
 */
@ApplicationScoped
public class Register {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The field name bound into a recipient's webhook secret's ciphertext. */
    static final String SECRET = "recipient-webhook-secret";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Notices notices;

    @Inject
    PurposeCatalog catalog;

    @Inject
    Crypto crypto;

    @Inject
    SharingConfig config;

    @Inject
    Clock clock;

    public Subprocessor propose(Terms t) {
        OffsetDateTime now = Times.now(clock);
        requireFreeName(t.name(), null);
        SortedSet<String> categories = categories(t.dataCategories());
        OffsetDateTime until = now.plus(config.objectionWindow());
        Subprocessor s = new Subprocessor(Ids.newId().toString(), t.name(), t.category(), t.purpose().strip(),
                categories, countries(t.countries()), t.transferMechanism(), blankToNull(t.dpaReference()), until, now);
        em.persist(s);
        notices.publish(s, ChangeNotice.Kind.ADDED, "Proposed: " + s.name() + " (" + s.category() + ", " + s.purpose()
                + "), receiving " + String.join(", ", categories) + " in " + String.join(", ", s.countries()),
                String.join(",", categories), until, now);
        if (!until.isAfter(now)) {
            applyDue(now);
        }
        return s;
    }

    public Subprocessor change(String id, Terms t) {
        Subprocessor s = lock(id);
        if (s.status() == Subprocessor.Status.RETIRED) {
            throw ProblemException.conflict("status", "a retired subprocessor is not changed; propose a new one");
        }
        OffsetDateTime now = Times.now(clock);
        List<String> changed = new ArrayList<>();
        if (t.name() != null && !Subprocessor.nameKey(t.name()).equals(Subprocessor.nameKey(s.name()))) {
            requireFreeName(t.name(), s.id());
            changed.add("name " + s.name() + " -> " + t.name().strip());
            s.rename(t.name());
        }
        if (t.category() != null && t.category() != s.category()) {
            changed.add("category " + s.category() + " -> " + t.category());
            s.category(t.category());
        }
        if (t.purpose() != null && !t.purpose().strip().equals(s.purpose())) {
            changed.add("purpose");
            s.purpose(t.purpose().strip());
        }
        if (t.countries() != null) {
            List<String> countries = countries(t.countries());
            if (!countries.equals(s.countries())) {
                changed.add("countries " + String.join(", ", s.countries()) + " -> " + String.join(", ", countries));
                s.countries(countries);
            }
        }
        if (t.transferMechanism() != null && t.transferMechanism() != s.transferMechanism()) {
            changed.add("transfer mechanism " + s.transferMechanism() + " -> " + t.transferMechanism());
            s.transferMechanism(t.transferMechanism());
        }
        if (t.dpaReference() != null && !t.dpaReference().strip().equals(s.dpaReference())) {
            changed.add("DPA reference");
            s.dpaReference(blankToNull(t.dpaReference()));
        }
        if (t.dataCategories() != null) {
            changeCategories(s, categories(t.dataCategories()), changed, now);
        }
        if (!changed.isEmpty()) {
            s.touched(now);
            notices.publish(s, ChangeNotice.Kind.CHANGED, s.name() + ": " + String.join("; ", changed), null, null, now);
        }
        return s;
    }

    /** Fewer categories apply at once; more wait for a window of their own (one widening at a time). */
    private void changeCategories(Subprocessor s, SortedSet<String> wanted, List<String> changed,
                                  OffsetDateTime now) {
        SortedSet<String> current = s.dataCategories();
        SortedSet<String> added = new TreeSet<>(wanted);
        added.removeAll(current);
        if (added.isEmpty()) {
            if (!wanted.equals(current)) {
                changed.add("no longer receives " + String.join(", ", minus(current, wanted)));
                s.dataCategories(wanted);
            }
            return;
        }
        if (s.status() == Subprocessor.Status.PROPOSED) {
            throw ProblemException.conflict("dataCategories", "the subprocessor is still proposed under its notice;"
                    + " retire it and propose it again with the wider data");
        }
        if (s.pendingUntil() != null) {
            throw ProblemException.conflict("dataCategories", "a widening is already pending until "
                    + s.pendingUntil() + "; wait for it to take effect");
        }
        OffsetDateTime until = now.plus(config.objectionWindow());
        s.pending(wanted, until);
        s.touched(now);
        notices.publish(s, ChangeNotice.Kind.WIDENED, s.name() + " is to receive " + String.join(", ", added)
                + " as well", String.join(",", added), until, now);
        if (!until.isAfter(now)) {
            applyDue(now);
        }
    }

    public Subprocessor retire(String id, String reason) {
        Subprocessor s = lock(id);
        if (s.status() == Subprocessor.Status.RETIRED) {
            return s;
        }
        OffsetDateTime now = Times.now(clock);
        s.retire(reason.strip(), now);
        s.touched(now);
        notices.publish(s, ChangeNotice.Kind.RETIRED, s.name() + " is no longer a subprocessor: " + reason.strip(), null,
                null, now);
        return s;
    }

    /** A connector set, and the webhook's new signing secret (base64url, shown once) if one was made. */
    public record Connected(Subprocessor subprocessor, String secret) {
    }

    /**
     * How the recipient is told of erasures, corrections and restrictions. A webhook gets a new signing secret each
     * time it is set (so this also rotates it); OpenDSR needs the processor's certificate, to verify its callbacks.
     */
    public Connected connect(String id, Subprocessor.Connector connector, String url, String certificatePem,
                             Integer dueDays) {
        Subprocessor s = lock(id);
        if (s.status() == Subprocessor.Status.RETIRED) {
            throw ProblemException.conflict("status", "a retired subprocessor takes no connector");
        }
        int days = dueDays == null ? s.manualDueDays() : dueDays;
        String secret = null;
        switch (connector) {
            case MANUAL -> s.connect(connector, null, null, null, null, days);
            case WEBHOOK -> {
                String u = requireUrl(url);
                secret = WebhookSignature.encodeSecret(WebhookSignature.newSecret());
                KeyedCipher cipher = crypto.newDataKey();
                if (s.secretKeyId() != null) {
                    crypto.destroy(DataKeyId.of(s.secretKeyId()));
                }
                s.connect(connector, u, cipher.keyId().asString(), cipher.encrypt(SECRET, secret), null, days);
            }
            case OPENDSR -> {
                String u = requireUrl(url);
                if (certificatePem == null || certificatePem.isBlank()) {
                    throw ProblemException.invalid("certificatePem", "an OpenDSR processor's X.509 certificate (PEM)"
                            + " is required: its callbacks are verified against it");
                }
                try {
                    OpenDsrSignatures.certificateFromPem(certificatePem);
                } catch (RuntimeException e) {
                    throw ProblemException.invalid("certificatePem", "is not an X.509 certificate in PEM form");
                }
                s.connect(connector, u, null, null, certificatePem.strip(), days);
            }
        }
        s.touched(Times.now(clock));
        return new Connected(s, secret);
    }

    private String requireUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalid("url", "is required for this connector");
        }
        config.urlProblem(url.strip()).ifPresent(p -> {
            throw ProblemException.invalid("url", p);
        });
        return url.strip();
    }

    /** Applies every change whose objection window has ended: a proposal becomes active, a widening applies. */
    @Transactional
    public int applyDue(OffsetDateTime now) {
        int applied = 0;
        for (ChangeNotice n : notices.due(now)) {
            Subprocessor s = em.find(Subprocessor.class, n.subprocessorId(), LockModeType.PESSIMISTIC_WRITE);
            if (s != null && notices.markApplied(n.id(), now)) {
                if (n.kind() == ChangeNotice.Kind.ADDED && s.status() == Subprocessor.Status.PROPOSED) {
                    s.activate(n.effectiveAt());
                } else if (n.kind() == ChangeNotice.Kind.WIDENED && s.pendingUntil() != null && s.active()) {
                    s.dataCategories(s.pendingCategories());
                    s.pending(null, null);
                }
                s.touched(now);
                applied++;
            }
        }
        return applied;
    }

    public Subprocessor get(String id) {
        Subprocessor s = id == null || Ids.parseOrNull(id) == null ? null : em.find(Subprocessor.class, id);
        if (s == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Subprocessor " + id + " does not exist",
                    List.of(new org.steward.platform.kernel.api.FieldError("subprocessorId", "no such subprocessor")));
        }
        return s;
    }

    public Subprocessor lock(String id) {
        Subprocessor s = get(id);
        em.lock(s, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(s);
        return s;
    }

    /** The register by name; {@code status} null for every status. */
    public List<Subprocessor> list(Subprocessor.Status status) {
        return em.createQuery("SELECT s FROM Subprocessor s WHERE (:st IS NULL OR s.status = :st) ORDER BY"
                + " s.category, s.nameKey", Subprocessor.class).setParameter("st", status).getResultList();
    }

    /** A recipient by its id or its name (as clients name it), or null. */
    public Subprocessor find(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return null;
        }
        if (Ids.parseOrNull(idOrName) != null) {
            Subprocessor s = em.find(Subprocessor.class, idOrName);
            if (s != null) {
                return s;
            }
        }
        return em.createQuery("SELECT s FROM Subprocessor s WHERE s.nameKey = :k", Subprocessor.class)
                .setParameter("k", Subprocessor.nameKey(idOrName)).getResultStream().findFirst().orElse(null);
    }

    private void requireFreeName(String name, String exceptId) {
        Long taken = em.createQuery("SELECT COUNT(s) FROM Subprocessor s WHERE s.nameKey = :k AND s.id <> :id",
                Long.class).setParameter("k", Subprocessor.nameKey(name))
                .setParameter("id", exceptId == null ? "" : exceptId).getSingleResult();
        if (taken > 0) {
            throw ProblemException.conflict("name", "a subprocessor is already registered under this name");
        }
    }

    private SortedSet<String> categories(List<String> keys) {
        SortedSet<String> out = new TreeSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            if (k == null || !catalog.categoryExists(k)) {
                throw ProblemException.invalid("dataCategories[" + i + "]", "no data category has the key " + k
                        + " (see /api/v1/consent/data-categories)");
            }
            out.add(k);
        }
        return out;
    }

    static List<String> countries(List<String> codes) {
        SortedSet<String> out = new TreeSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String c = codes.get(i);
            if (c == null || !COUNTRIES.contains(c)) {
                throw ProblemException.invalid("countries[" + i + "]",
                        "must be an ISO 3166-1 alpha-2 country code in upper case, such as US or DE");
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    private static SortedSet<String> minus(SortedSet<String> a, SortedSet<String> b) {
        SortedSet<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
