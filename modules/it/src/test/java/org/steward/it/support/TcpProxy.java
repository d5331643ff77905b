package org.steward.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between a server and its database, to simulate an outage: {@link #cut()} closes every
 * connection through it and refuses new ones (the port stops listening, so a connect is refused at once, as when
 * the database host is down); {@link #restore()} listens again on the same port. Plain sockets, two threads per
 * connection.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = Ports.free();
        restore();
    }

    public int port() {
        return port;
    }

    /** Listens (again) and forwards every new connection to the target. */
    public synchronized void restore() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = s;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on " + port, e);
        }
        ServerSocket accepting = listener;
        Thread t = new Thread(() -> accept(accepting), "tcp-proxy-" + port);
        t.setDaemon(true);
        t.start();
    }

    /** Drops every connection and stops listening. */
    public synchronized void cut() {
        if (listener != null) {
            closeQuietly(listener);
            listener = null;
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    public int openConnections() {
        return open.size() / 2;
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket accepting) {
        while (!accepting.isClosed()) {
            Socket client;
            try {
                client = accepting.accept();
            } catch (IOException e) {
                return; // cut
            }
            try {
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // closed by cut() or by either end
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
