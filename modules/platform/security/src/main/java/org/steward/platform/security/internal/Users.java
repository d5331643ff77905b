package org.steward.platform.security.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.AdminAccount;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.Role;

/**
 * Steward's own users. A verified password is remembered for a short while (as a hash of name and password), so that
 * Basic authentication on every request does not pay the deliberately slow PBKDF2 each time. A remembered password
 * is never enough on its own: every hit re-reads the user's row (not in the shared cache), so a user deleted or
 * disabled on any instance fails at once; {@link #forgetTenant} also drops the entries of an erased tenant's users.
 */
@ApplicationScoped
public class Users implements AdminAccount {

    private static final long REMEMBER_NANOS = 60_000_000_000L;

    private record Verified(String userId, String tenantId, long untilNanos) {
    }

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Grants grants;

    @Inject
    ConsoleSessions sessions;

    @Inject
    Clock clock;

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    /** The caller for a name and password, if they match an enabled user. */
    public Optional<Caller> authenticate(String username, String password) {
        String key = fingerprint(username, password);
        Verified v = verified.get(key);
        if (v != null && System.nanoTime() < v.untilNanos()) {
            User user = em.find(User.class, v.userId());
            if (user != null && user.enabled()) {
                return Optional.of(user.caller());
            }
        }
        Optional<User> user = byUsername(username);
        // An unknown or disabled user costs the same hash as a known one: the answer time must not tell them apart.
        String hash = user.filter(User::enabled).map(User::passwordHash).orElse(PasswordHasher.DECOY);
        boolean matches = PasswordHasher.matches(password.toCharArray(), hash);
        if (user.isEmpty() || !user.get().enabled() || !matches) {
            verified.remove(key);
            return Optional.empty();
        }
        verified.put(key, new Verified(user.get().id(), user.get().tenantId(), System.nanoTime() + REMEMBER_NANOS));
        return Optional.of(user.get().caller());
    }

    public Optional<User> byUsername(String username) {
        return em.createQuery("SELECT u FROM User u WHERE u.username = :n", User.class)
                .setParameter("n", username).getResultStream().findFirst();
    }

    @Transactional
    public User create(String username, String password, List<String> roles, String tenantId) {
        Set<Role> granted = grants.check(roles, tenantId);
        if (byUsername(username).isPresent()) {
            throw ProblemException.conflict("username", "a user with this username already exists");
        }
        User user = new User(username, PasswordHasher.hash(password.toCharArray()), granted, tenantId,
                Times.now(clock));
        em.persist(user);
        return user;
    }

    public User get(String id) {
        User user = Ids.parseOrNull(id) == null ? null : em.find(User.class, id);
        if (user == null) {
            throw ProblemException.notFound("User", id);
        }
        return user;
    }

    public List<User> list(PageRequest page) {
        return em.createQuery("SELECT u FROM User u WHERE u.id > :after ORDER BY u.id", User.class)
                .setParameter("after", page.after() == null ? "" : page.after())
                .setMaxResults(page.fetchSize()).getResultList();
    }

    @Transactional
    public User change(String id, List<String> roles, String tenantId, Boolean enabled, String password) {
        User user = get(id);
        Set<Role> granted = roles == null ? null : grants.check(roles, tenantId);
        user.change(granted, tenantId, enabled, password == null ? null : PasswordHasher.hash(password.toCharArray()),
                Times.now(clock));
        verified.values().removeIf(v -> v.userId().equals(id));
        if (password != null || Boolean.FALSE.equals(enabled)) {
            // A new password or a disabled user signs every open console session out.
            sessions.closeAll(id);
        }
        return user;
    }

    /**
     * Forgets the remembered passwords of the users bound to {@code tenantId} (the tenant was erased and its users
     * deleted). Called after the erasure commits; the re-read on every hit covers an entry that a login racing the
     * erasure puts back after this.
     */
    void forgetTenant(String tenantId) {
        verified.values().removeIf(v -> tenantId.equals(v.tenantId()));
    }

    /**
     * The first start creates {@code admin}. Its password comes from STEWARD_ADMIN_PASSWORD, or is generated and
     * returned so that start-up can show it once; only its hash is stored.
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> ensureAdmin(Optional<String> configuredPassword) {
        Long users = em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
        if (users > 0) {
            return Optional.empty();
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(Users::generatePassword);
        em.persist(new User("admin", PasswordHasher.hash(password.toCharArray()), Set.of(Role.ADMIN), null,
                Times.now(clock)));
        em.flush();
        return configuredPassword.filter(p -> !p.isBlank()).isPresent() ? Optional.empty() : Optional.of(password);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String createWithGeneratedPassword(String username, Set<Role> roles) {
        String password = generatePassword();
        create(username, password, roles.stream().map(Role::name).toList(), null);
        return password;
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String fingerprint(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return Base64.getEncoder().encodeToString(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
