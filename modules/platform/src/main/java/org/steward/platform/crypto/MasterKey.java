package org.steward.platform.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The master key (KEK) of this server, resolved once from configuration. */
@ApplicationScoped
public class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());

    @Inject
    @ConfigProperty(name = "steward.crypto.master-key")
    Optional<String> base64Key;

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

    private MasterKeySource.Resolved resolved;

    @PostConstruct
    void resolve() {
        resolved = MasterKeySource.resolve(base64Key, keystore, keystorePassword, keystoreAlias, Path.of(dataDir));
        if (resolved.generated()) {
            LOG.warning("No master key was configured, so one was generated into " + dataDir
                    + ". That suits the embedded default only: production must set STEWARD_CRYPTO_MASTER_KEY"
                    + " or STEWARD_CRYPTO_KEYSTORE.");
        }
        LOG.info("Master key " + resolved.id() + " loaded from " + resolved.origin());
    }

    public SecretKey key() {
        return resolved.key();
    }

    public String id() {
        return resolved.id();
    }
}
