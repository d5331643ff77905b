package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Database;
import org.steward.it.support.Ports;
import org.steward.it.support.Sockets;
import org.steward.it.support.StewardServer;

/**
 * The uber-jar as an operator runs it (only its baked-in options), with HTTPS from a PKCS12 keystore generated here,
 * bound to loopback, and HTTP redirected to HTTPS (issue 10, items 14 and 16): nothing listens but the two ports,
 * HTTPS serves the operator's certificate with HSTS, and {@code /metrics} is not served.
 */
class ExposureIT {

    private static final String KEYSTORE_PASSWORD = "it-keystore-password";

    private static StewardServer server;
    private static int tlsPort;
    private static X509Certificate certificate;
    private static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("steward.work", "target/work")).toAbsolutePath());
        Path dir = Files.createTempDirectory(work, "tls-");
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "steward-it", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", KEYSTORE_PASSWORD, "-ext", "SAN=dns:localhost,ip:127.0.0.1")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        certificate = (X509Certificate) store.getCertificate("steward-it");
        tlsPort = Ports.free();
        // On H2 whatever the suite runs on: the pool's validation settings must hold on the embedded default too.
        // The product's H2 URL has no AUTO_SERVER (the fixture's opens a TCP port of its own, for tests to read it).
        Database h2 = Database.h2("exposure");
        h2 = new Database(h2.url().replace(";AUTO_SERVER=TRUE", ""), h2.user(), h2.password(), h2.driver());
        server = StewardServer.uberJar("exposure", h2, Map.of(
                "STEWARD_TLS_KEYSTORE", keystore.toString(),
                "STEWARD_TLS_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD,
                "STEWARD_TLS_PORT", String.valueOf(tlsPort),
                "STEWARD_TLS_REDIRECT_HTTP", "true",
                "STEWARD_HTTP_ADDRESS", "127.0.0.1"), List.of());
        server.start();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        https = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> get(String uri, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return https.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String admin() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + StewardServer.ADMIN_PASSWORD).getBytes());
    }

    @Test
    void httpsServesTheOperatorsCertificate() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket("127.0.0.1", tlsPort)) {
            socket.startHandshake();
            Certificate served = socket.getSession().getPeerCertificates()[0];
            assertThat(fingerprint(served)).isEqualTo(fingerprint(certificate));
        }
        HttpResponse<String> me = get("https://127.0.0.1:" + tlsPort + "/api/v1/me", "Authorization", admin());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    }

    @Test
    void hstsIsSentOnHttpsOnlyAndHttpRedirectsToHttps() throws Exception {
        HttpResponse<String> secure = get("https://127.0.0.1:" + tlsPort + "/api/v1/me", "Authorization", admin());
        assertThat(secure.statusCode()).isEqualTo(200);
        assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        HttpResponse<String> plain = get(server.uri("/api/v1/me?x=1").toString(), "Authorization", admin());
        assertThat(plain.statusCode()).isEqualTo(308);
        assertThat(plain.headers().firstValue("Location"))
                .hasValue("https://127.0.0.1:" + tlsPort + "/api/v1/me?x=1");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        HttpResponse<String> probe = get(server.uri("/health/ready").toString());
        assertThat(probe.statusCode()).as("health checks stay on HTTP").isEqualTo(200);
        assertThat(probe.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void anonymousMetricsAreNotServed() throws Exception {
        HttpResponse<String> metrics = get("https://127.0.0.1:" + tlsPort + "/metrics");
        assertThat(metrics.statusCode()).as(metrics.body()).isIn(401, 403, 404);
        assertThat(metrics.body()).doesNotContain("retention_").doesNotContain("# TYPE");
    }

    @Test
    void nothingListensButHttpAndHttpsOnTheConfiguredAddress() throws IOException {
        Set<String> listening = Sockets.listening(server.pid());
        assertThat(listening).containsExactlyInAnyOrder("127.0.0.1:" + server.port(), "127.0.0.1:" + tlsPort);
    }

    private static String fingerprint(Certificate c) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    }
}
