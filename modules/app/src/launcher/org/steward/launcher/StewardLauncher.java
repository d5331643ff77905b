package org.steward.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The uber-jar's main class: turns the network settings of the environment into Payara Micro's options, then starts
 * Payara Micro in the same JVM. Payara Micro reads its listeners, keystore and metrics set-up from its command line,
 * system properties and pre-boot commands only, never from the environment; this keeps {@code java -jar steward.jar}
 * the whole run command. Options given on the command line are passed on after these, so they win.
 *
 * <ul>
 * <li>{@code STEWARD_HTTP_ADDRESS}: the address the HTTP (and HTTPS) listener binds to (default: every interface);</li>
 * <li>{@code STEWARD_TLS_KEYSTORE}, {@code STEWARD_TLS_KEYSTORE_PASSWORD}, {@code STEWARD_TLS_PORT} (default 8443),
 * {@code STEWARD_TLS_ALIAS} (default: the keystore's only key entry): HTTPS with the operator's PKCS12 keystore;</li>
 * <li>{@code STEWARD_METRICS_ENABLED}: {@code true} serves {@code /metrics} (anonymously: for a scraper on a private
 * network); otherwise the endpoint is switched off.</li>
 * </ul>
 */
public final class StewardLauncher {

    private static final String LISTENERS = "configs.config.server-config.network-config.network-listeners";

    private StewardLauncher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = new ArrayList<>();
        List<String> preboot = new ArrayList<>();
        configure(System.getenv(), options, preboot);
        List<String> given = new ArrayList<>(List.of(args));
        int own = given.indexOf("--prebootcommandfile");
        if (own >= 0 && own + 1 < given.size()) {
            // Payara Micro takes one pre-boot file: the operator's commands run after these.
            preboot.addAll(Files.readAllLines(Path.of(given.get(own + 1)), StandardCharsets.UTF_8));
            given.subList(own, own + 2).clear();
        }
        if (!preboot.isEmpty()) {
            Path file = Files.createTempFile("steward-preboot-", ".txt");
            file.toFile().deleteOnExit();
            Files.write(file, preboot, StandardCharsets.UTF_8);
            options.addAll(List.of("--prebootcommandfile", file.toString()));
        }
        options.addAll(given);
        Method main = Class.forName("fish.payara.micro.PayaraMicro").getMethod("main", String[].class);
        main.invoke(null, (Object) options.toArray(String[]::new));
    }

    static void configure(Map<String, String> env, List<String> options, List<String> preboot)
            throws IOException, GeneralSecurityException {
        String address = blankToNull(env.get("STEWARD_HTTP_ADDRESS"));
        if (address != null) {
            preboot.add("set " + LISTENERS + ".network-listener.http-listener.address=" + address);
            preboot.add("set " + LISTENERS + ".network-listener.https-listener.address=" + address);
        }
        if (!"true".equalsIgnoreCase(blankToNull(env.get("STEWARD_METRICS_ENABLED")))) {
            // The config attribute, not set-metrics-configuration: that command fails before boot (run level).
            preboot.add("set configs.config.server-config.microprofile-metrics-configuration.enabled=false");
        }
        String keystore = blankToNull(env.get("STEWARD_TLS_KEYSTORE"));
        if (keystore != null) {
            String password = env.getOrDefault("STEWARD_TLS_KEYSTORE_PASSWORD", "");
            String alias = blankToNull(env.get("STEWARD_TLS_ALIAS"));
            if (alias == null) {
                alias = onlyKeyEntry(Path.of(keystore), password.toCharArray());
            }
            System.setProperty("javax.net.ssl.keyStore", Path.of(keystore).toAbsolutePath().toString());
            System.setProperty("javax.net.ssl.keyStorePassword", password);
            System.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            String port = blankToNull(env.get("STEWARD_TLS_PORT"));
            options.addAll(List.of("--sslport", port == null ? "8443" : port, "--sslcert", alias));
        }
    }

    /** The alias of the keystore's one private key; opening it here reports a wrong path or password plainly. */
    static String onlyKeyEntry(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new IllegalStateException("STEWARD_TLS_KEYSTORE " + keystore + " cannot be opened with"
                    + " STEWARD_TLS_KEYSTORE_PASSWORD: " + e.getMessage(), e);
        }
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keys.add(alias);
            }
        }
        if (keys.size() != 1) {
            throw new IllegalStateException("STEWARD_TLS_KEYSTORE " + keystore + " holds " + keys.size()
                    + " key entries " + keys + "; name the server's one in STEWARD_TLS_ALIAS");
        }
        return keys.get(0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
