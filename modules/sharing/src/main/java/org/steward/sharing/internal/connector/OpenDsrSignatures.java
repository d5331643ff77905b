package org.steward.sharing.internal.connector;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Verifies an OpenDSR status callback: {@code X-OpenDSR-Signature} is the base64 RSA (or EC) SHA-256 signature of the
 * raw body under the processor's private key, checked against the processor's certificate, which must be valid now
 * and name the domain in {@code X-OpenDSR-Processor-Domain} (a SAN dNSName, one wildcard label allowed; else the CN).
 */
public final class OpenDsrSignatures {

    public static final String SIGNATURE_HEADER = "X-OpenDSR-Signature";
    public static final String DOMAIN_HEADER = "X-OpenDSR-Processor-Domain";

    /** Which check refused a callback. */
    public enum Reason { MISSING_HEADER, MALFORMED_SIGNATURE, MISMATCH, WRONG_DOMAIN, CERTIFICATE_EXPIRED,
        CERTIFICATE_NOT_YET_VALID, NOT_A_CALLBACK }

    public static final class Refused extends Exception {

        private final Reason reason;

        public Refused(Reason reason) {
            super(reason.name());
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private OpenDsrSignatures() {
    }

    /** The first certificate of a PEM text; an IllegalArgumentException when there is none. */
    public static X509Certificate certificateFromPem(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 certificate in PEM form");
        }
    }

    /** The callback, once its signature, the certificate's validity at {@code now} and its domain are checked. */
    public static OpenDsr.Callback verify(byte[] body, String domain, String signature, X509Certificate certificate,
                                          Instant now) throws Refused {
        if (domain == null || domain.isBlank() || signature == null || signature.isBlank()) {
            throw new Refused(Reason.MISSING_HEADER);
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new Refused(Reason.MALFORMED_SIGNATURE);
        }
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new Refused(Reason.CERTIFICATE_EXPIRED);
        } catch (CertificateNotYetValidException e) {
            throw new Refused(Reason.CERTIFICATE_NOT_YET_VALID);
        }
        if (!names(certificate, domain.strip().toLowerCase(Locale.ROOT))) {
            throw new Refused(Reason.WRONG_DOMAIN);
        }
        try {
            String algorithm = "EC".equals(certificate.getPublicKey().getAlgorithm()) ? "SHA256withECDSA"
                    : "SHA256withRSA";
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(certificate.getPublicKey());
            s.update(body);
            if (!s.verify(sig)) {
                throw new Refused(Reason.MISMATCH);
            }
        } catch (GeneralSecurityException e) {
            throw new Refused(Reason.MISMATCH);
        }
        try {
            return OpenDsr.parseCallback(body);
        } catch (IllegalArgumentException e) {
            throw new Refused(Reason.NOT_A_CALLBACK);
        }
    }

    /** A short stable key for a signature, to remember it (replays are refused). */
    public static String digest(String signature) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(signature.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean names(X509Certificate certificate, String domain) {
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                boolean any = false;
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0))) {
                        any = true;
                        if (matches(((String) san.get(1)).toLowerCase(Locale.ROOT), domain)) {
                            return true;
                        }
                    }
                }
                if (any) {
                    return false;
                }
            }
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return matches(rdn.getValue().toString().toLowerCase(Locale.ROOT), domain);
                }
            }
        } catch (CertificateParsingException | InvalidNameException e) {
            return false;
        }
        return false;
    }

    /** A name, or a wildcard of exactly one leftmost label ({@code *.example.com} is not {@code example.com}). */
    static boolean matches(String pattern, String domain) {
        if (pattern.startsWith("*.")) {
            int dot = domain.indexOf('.');
            return dot > 0 && domain.substring(dot + 1).equals(pattern.substring(2));
        }
        return pattern.equals(domain);
    }
}
