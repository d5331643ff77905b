package org.steward.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for test servers, below the kernel's ephemeral range (32768+ here). A port from {@code new ServerSocket(0)} is
 * an ephemeral one: in the tens of seconds before Payara binds it, the kernel may hand it out as the local port of an
 * outgoing connection (a JDBC pool, Hazelcast, the test's own HTTP client), and the server then never answered on it.
 * Ports already handed out in this JVM are not handed out again.
 */
public final class Ports {

    private static final int FROM = 10_000;
    private static final int TO = 32_000;
    private static final Set<Integer> GIVEN = new HashSet<>();

    private Ports() {
    }

    /** A free port. */
    public static int free() {
        return freeRun(1);
    }

    /** The first of {@code n} consecutive free ports. */
    public static synchronized int freeRun(int n) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(FROM, TO - n);
            boolean ok = true;
            for (int p = base; p < base + n && ok; p++) {
                ok = !GIVEN.contains(p) && bindable(p);
            }
            if (ok) {
                for (int p = base; p < base + n; p++) {
                    GIVEN.add(p);
                }
                return base;
            }
        }
        throw new IllegalStateException("No " + n + " free consecutive ports between " + FROM + " and " + TO);
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
