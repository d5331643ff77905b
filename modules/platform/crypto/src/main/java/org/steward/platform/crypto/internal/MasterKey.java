package org.steward.platform.crypto.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The master key ring (KEKs) of this server, resolved once from configuration; rotation replaces it. */
@ApplicationScoped
public class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());

    @Inject
    @ConfigProperty(name = "steward.crypto.master-key")
    Optional<String> base64Key;

    @Inject
    @ConfigProperty(name = "steward.crypto.previous-master-keys")
    Optional<String> previousKeys;

    @Inject
    @ConfigProperty(name = "steward.crypto.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "steward.crypto.keystore-password")
    Optional<String> keystorePassword;

    @Inject
    @ConfigProperty(name = "steward.crypto.keystore-alias", defaultValue = "steward-kek")
    String keystoreAlias;

    @Inject
    @ConfigProperty(name = "steward.data.dir", defaultValue = "./data")
    String dataDir;

    // Replaced whole on rotation, so a reader always sees a current id and key that belong together.
    private volatile MasterKeyRing ring;

    @PostConstruct
    void resolve() {
        MasterKeySource.Resolved current = MasterKeySource.resolve(base64Key, keystore, keystorePassword,
                keystoreAlias, Path.of(dataDir));
        if (current.generated()) {
            LOG.warning("No master key was configured, so one was generated into " + dataDir
                    + ". That suits the embedded default only: production must set STEWARD_CRYPTO_MASTER_KEY"
                    + " or STEWARD_CRYPTO_KEYSTORE.");
        }
        ring = MasterKeySource.ring(current, previousKeys, Path.of(dataDir));
        LOG.info("Master key " + current.id() + " loaded from " + current.origin() + "; previous keys: "
                + ring.previousIds());
    }

    public MasterKeyRing ring() {
        return ring;
    }

    public SecretKey key() {
        return ring.currentKey();
    }

    public String id() {
        return ring.currentId();
    }

    public boolean embedded() {
        return ring.current().embedded();
    }

    /** Embedded default only: a new key file becomes current; the old key stays on the ring (and on disk). */
    public synchronized MasterKeyRing rotateEmbedded() {
        MasterKeySource.Resolved next = MasterKeySource.rotateEmbedded(ring.current(), Path.of(dataDir));
        ring = ring.rotatedTo(next);
        LOG.info("Master key rotated: " + next.id() + " is current; previous keys: " + ring.previousIds());
        return ring;
    }
}
