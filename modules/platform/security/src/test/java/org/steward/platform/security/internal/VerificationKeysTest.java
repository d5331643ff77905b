package org.steward.platform.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.steward.platform.security.internal.JwtVerifierTest.ISSUER;
import static org.steward.platform.security.internal.JwtVerifierTest.NOW;
import static org.steward.platform.security.internal.JwtVerifierTest.claims;
import static org.steward.platform.security.internal.JwtVerifierTest.header;
import static org.steward.platform.security.internal.JwtVerifierTest.refused;
import static org.steward.platform.security.internal.JwtVerifierTest.sign;

import com.nimbusds.jose.JWSAlgorithm;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steward.platform.security.api.Role;

/**
 * Keys at a location (mp.jwt.verify.publickey.location): a JWKS served over HTTP by a local server standing in for
 * the IdP, or a file, whose key set changes under the verifier.
 */
class VerificationKeysTest {

    private static final Set<JWSAlgorithm> BOTH = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final KeyPair K1 = JwtVerifierTest.generate();
    private static final KeyPair K2 = JwtVerifierTest.generate();
    private static final KeyPair K3 = JwtVerifierTest.generate();
    private static final KeyPair EC1 = JwtVerifierTest.generateEc("secp256r1");
    private static final KeyPair EC2 = JwtVerifierTest.generateEc("secp256r1");

    private HttpServer idp;
    private final AtomicInteger reads = new AtomicInteger();
    private volatile String document = "{\"keys\":[]}";
    private volatile int status = 200;

    @BeforeEach
    void startTheIdp() throws IOException {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/jwks", exchange -> {
            reads.incrementAndGet();
            byte[] body = document.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.start();
    }

    @AfterEach
    void stopTheIdp() {
        idp.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks";
    }

    private JwtVerifier verifier(String location, Duration cachedFor, Duration earlyReadsPer) {
        return new JwtVerifier(VerificationKeys.cached(new KeyLocation(location, BOTH), cachedFor, earlyReadsPer),
                BOTH, ISSUER, List.of(), "groups", "tenant_id", () -> NOW);
    }

    private JwtVerifier verifier() {
        return verifier(url(), TokenKeys.CACHED_FOR, TokenKeys.EARLY_READS_PER);
    }

    private void publish(Map<String, PublicKey> keys) {
        document = JwtVerifierTest.jwks(keys).toString();
    }

    private static Map<String, PublicKey> keys(Object... kidsAndPairs) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (int i = 0; i < kidsAndPairs.length; i += 2) {
            keys.put((String) kidsAndPairs[i], ((KeyPair) kidsAndPairs[i + 1]).getPublic());
        }
        return keys;
    }

    private static String rs256(String kid, KeyPair pair, String... roles) {
        return sign(header("RS256", kid), claims(roles).build(), pair.getPrivate());
    }

    private static String es256(String kid, KeyPair pair, String... roles) {
        return sign(header("ES256", kid), claims(roles).build(), pair.getPrivate());
    }

    // ------------------------------------------------------------------ rotation

    @Test
    void aTokenWithANewKidVerifiesOnceTheRotatedJwksIsReread() throws Exception {
        publish(keys("k1", K1));
        JwtVerifier v = verifier();
        assertThat(v.verify(rs256("k1", K1, "AUDITOR")).roles()).containsExactly(Role.AUDITOR);
        assertThat(reads).hasValue(1);

        publish(keys("k1", K1, "k2", K2));

        assertThat(v.verify(rs256("k2", K2, "ADMIN")).roles()).containsExactly(Role.ADMIN);
        assertThat(reads).as("one early read for the unknown kid").hasValue(2);
        assertThat(v.verify(rs256("k1", K1, "AUDITOR"))).isNotNull();
        assertThat(v.verify(rs256("k2", K2, "AUDITOR"))).isNotNull();
        assertThat(reads).as("both keys now cached").hasValue(2);
    }

    @Test
    void aRemovedKeysTokensAreRefusedOnceTheJwksIsReread() throws Exception {
        publish(keys("k1", K1, "k2", K2));
        JwtVerifier v = verifier();
        assertThat(v.verify(rs256("k1", K1, "AUDITOR"))).isNotNull();

        publish(keys("k2", K2, "k3", K3)); // k1 retired, k3 introduced

        assertThat(v.verify(rs256("k3", K3, "AUDITOR"))).isNotNull();
        refused(v, rs256("k1", K1, "AUDITOR"), "key id");
        assertThat(v.verify(rs256("k2", K2, "AUDITOR"))).isNotNull();
    }

    @Test
    void es256KeysRotateTheSameWay() throws Exception {
        publish(keys("rsa", K1, "ec1", EC1));
        JwtVerifier v = verifier();
        assertThat(v.verify(es256("ec1", EC1, "AUDITOR")).roles()).containsExactly(Role.AUDITOR);

        publish(keys("rsa", K1, "ec2", EC2));

        assertThat(v.verify(es256("ec2", EC2, "ADMIN")).roles()).containsExactly(Role.ADMIN);
        // the retired key's kid is unknown now; the one ES256 key left does not verify its signature
        refused(v, es256("ec1", EC1, "AUDITOR"), "signature");
        assertThat(v.verify(rs256(null, K1, "AUDITOR"))).isNotNull();
    }

    @Test
    void anExpiredCacheIsRereadSoARemovedKeyIsRefusedWithoutANewKidComingFirst() throws Exception {
        publish(keys("k1", K1, "k2", K2));
        JwtVerifier v = verifier(url(), Duration.ofMillis(300), TokenKeys.EARLY_READS_PER);
        assertThat(v.verify(rs256("k1", K1, "AUDITOR"))).isNotNull();

        publish(keys("k2", K2));
        assertThat(v.verify(rs256("k1", K1, "AUDITOR"))).as("still cached").isNotNull();
        assertThat(reads).hasValue(1);
        Thread.sleep(400);

        refused(v, rs256("k1", K1, "AUDITOR"), "signature");
        // the expiry read, and perhaps an early one for the kid that the new set does not hold
        assertThat(reads.get()).isBetween(2, 3);
    }

    // ------------------------------------------------------------------ the IdP is protected, and protects us

    @Test
    void aFloodOfUnknownKidsRereadsTheJwksAtMostTwicePerInterval() throws Exception {
        publish(keys("k1", K1, "k2", K2));
        JwtVerifier v = verifier(url(), TokenKeys.CACHED_FOR, Duration.ofSeconds(2));
        assertThat(v.verify(rs256("k1", K1, "AUDITOR"))).isNotNull();

        IntStream.range(0, 200).parallel().forEach(i ->
                refused(v, rs256(UUID.randomUUID().toString(), K1, "ADMIN"), "key id"));

        assertThat(reads.get()).as("the first read and at most two early ones").isBetween(2, 3);
        assertThat(v.verify(rs256("k2", K2, "AUDITOR"))).as("known keys are unaffected").isNotNull();

        // once the interval has passed, a real rotation is picked up again
        Thread.sleep(2_100);
        publish(keys("k1", K1, "k2", K2, "k3", K3));
        assertThat(v.verify(rs256("k3", K3, "AUDITOR"))).isNotNull();
    }

    @Test
    void whenTheIdpFailsTheKeysAlreadyReadStayInUse() throws Exception {
        publish(keys("k1", K1));
        JwtVerifier v = verifier(url(), Duration.ofMillis(200), TokenKeys.EARLY_READS_PER);
        assertThat(v.verify(rs256("k1", K1, "AUDITOR"))).isNotNull();

        status = 503;
        Thread.sleep(300);
        assertThat(v.verify(rs256("k1", K1, "AUDITOR"))).isNotNull();
        assertThat(reads).as("it did try").hasValue(2);

        status = 200;
        document = "not a key set";
        Thread.sleep(300);
        assertThat(v.verify(rs256("k1", K1, "AUDITOR"))).as("an unreadable document is an outage too").isNotNull();

        idp.stop(0);
        Thread.sleep(300);
        assertThat(v.verify(rs256("k1", K1, "AUDITOR"))).isNotNull();
    }

    @Test
    void keysThatWereNeverReadAreAnIllegalStateNotAnInvalidToken() {
        // The authentication mechanism answers these with 401 "cannot be verified on this server right now".
        status = 500;
        assertThatThrownBy(() -> verifier().verify(rs256("k1", K1, "AUDITOR")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(url());
        status = 200;
        document = "{\"keys\":5}";
        assertThatThrownBy(() -> verifier().verify(rs256("k1", K1, "AUDITOR")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("JWKS");
        assertThatThrownBy(() -> verifier("http://127.0.0.1:1/jwks", TokenKeys.CACHED_FOR, TokenKeys.EARLY_READS_PER)
                .verify(rs256("k1", K1, "AUDITOR"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTokenThatIsRefusedBeforeItsKeyIsLookedUpCausesNoRead() {
        publish(keys("k1", K1));
        JwtVerifier v = verifier();
        refused(v, "not.a.token", "");
        refused(v, JwtVerifierTest.b64("{\"alg\":\"none\",\"kid\":\"x\"}") + "." + JwtVerifierTest.b64("{}") + ".",
                "RS256");
        assertThat(reads).hasValue(0);
    }

    // ------------------------------------------------------------------ other forms of location

    @Test
    void aFileLocationIsReadAndRereadLikeAUrl(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, JwtVerifierTest.jwks(keys("k1", K1)).toString());
        JwtVerifier plain = verifier(file.toString(), TokenKeys.CACHED_FOR, TokenKeys.EARLY_READS_PER);
        JwtVerifier uri = verifier(file.toUri().toString(), TokenKeys.CACHED_FOR, TokenKeys.EARLY_READS_PER);
        assertThat(plain.verify(rs256("k1", K1, "AUDITOR"))).isNotNull();
        assertThat(uri.verify(rs256("k1", K1, "AUDITOR"))).isNotNull();

        Files.writeString(file, JwtVerifierTest.jwks(keys("k1", K1, "k2", K2)).toString());

        assertThat(plain.verify(rs256("k2", K2, "AUDITOR"))).isNotNull();
        assertThat(uri.verify(rs256("k2", K2, "AUDITOR"))).isNotNull();
    }

    @Test
    void aPemKeyAtTheLocationIsReadAsBefore() throws Exception {
        document = JwtVerifierTest.pem(K1.getPublic());
        assertThat(verifier().verify(rs256(null, K1, "AUDITOR")).roles()).containsExactly(Role.AUDITOR);
    }
}
