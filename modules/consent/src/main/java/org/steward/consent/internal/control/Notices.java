package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.steward.consent.internal.entity.Notice;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.Times;

/** Versioned notice texts: publishing a changed text makes a new version; the same text again changes nothing. */
@ApplicationScoped
public class Notices {

    public static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
    public static final String DEFAULT_LANGUAGE = "en";

    public record Published(Notice notice, boolean created) {
    }

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Purposes purposes;

    @Inject
    Clock clock;

    public Published publish(String purposeKey, String language, String text) {
        purposes.get(purposeKey);
        checkLanguage(language, "language");
        String hash = Sha256.hex(text);
        Optional<Notice> latest = latest(purposeKey, language);
        if (latest.isPresent() && latest.get().contentHash().equals(hash)) {
            return new Published(latest.get(), false);
        }
        int version = latest.map(n -> n.version() + 1).orElse(1);
        Notice n = new Notice(Ids.newId().toString(), purposeKey, language, version, text, hash, Times.now(clock));
        em.persist(n);
        return new Published(n, true);
    }

    public Optional<Notice> latest(String purposeKey, String language) {
        return em.createQuery("SELECT n FROM Notice n WHERE n.purposeKey = :p AND n.language = :l"
                        + " ORDER BY n.version DESC", Notice.class)
                .setParameter("p", purposeKey).setParameter("l", language).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /** The notice a record names: 400 on the field when that version does not exist. */
    public Notice version(String purposeKey, String language, int version) {
        return em.createQuery("SELECT n FROM Notice n WHERE n.purposeKey = :p AND n.language = :l"
                        + " AND n.version = :v", Notice.class)
                .setParameter("p", purposeKey).setParameter("l", language).setParameter("v", version)
                .getResultList().stream().findFirst()
                .orElseThrow(() -> ProblemException.invalid("noticeVersion", "purpose " + purposeKey
                        + " has no notice version " + version + " in language " + language));
    }

    /** The latest version of every purpose's notice in every language, by purpose and language. */
    public List<Notice> current() {
        return em.createQuery("SELECT n FROM Notice n WHERE n.version = (SELECT MAX(m.version) FROM Notice m"
                + " WHERE m.purposeKey = n.purposeKey AND m.language = n.language) ORDER BY n.purposeKey, n.language",
                Notice.class).getResultList();
    }

    public List<Notice> list(String purposeKey) {
        purposes.get(purposeKey);
        return em.createQuery("SELECT n FROM Notice n WHERE n.purposeKey = :p ORDER BY n.language, n.version",
                Notice.class).setParameter("p", purposeKey).getResultList();
    }

    public static void checkLanguage(String language, String field) {
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw ProblemException.invalid(field, "must be a language tag such as en or pt-BR");
        }
    }
}
