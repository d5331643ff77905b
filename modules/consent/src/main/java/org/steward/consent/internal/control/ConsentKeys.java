package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.Signer;

/**
 * The consent module's keys: the unsubscribe-token key and the key of the IP-address hash, both platform secrets
 * (receipts are signed by the platform {@link org.steward.platform.crypto.api.Signer} under {@link #RECEIPT_KEY_ID}).
 */
@ApplicationScoped
public class ConsentKeys {

    public static final String RECEIPT_KEY_ID = "receipt-v1";
    static final String UNSUBSCRIBE_SECRET = "consent-unsubscribe";
    static final String PROOF_SECRET = "consent-ip-proof";

    @Inject
    Crypto crypto;

    public byte[] unsubscribeKey() {
        return crypto.secret(UNSUBSCRIBE_SECRET);
    }

    public byte[] proofKey() {
        return crypto.secret(PROOF_SECRET);
    }
}
