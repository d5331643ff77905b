package org.steward.platform.kernel.api.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Whether a host is one of this network's own: loopback, private (RFC 1918, IPv6 unique-local), link-local (the cloud
 * metadata endpoints live there), carrier-grade NAT, unspecified or multicast. A URL an admin gives for a recipient
 * must not make Steward call into its own network (server-side request forgery), unless the operator allows it (a
 * closed network, tests). Checked when the URL is set and again before each call, since a name can change what it
 * resolves to.
 */
public final class PrivateAddresses {

    private PrivateAddresses() {
    }

    /** The problem with the host, or empty when it is public or does not resolve (the call then fails on its own). */
    public static Optional<String> problem(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (isPrivate(a)) {
                    return Optional.of("must not point to a loopback, private or link-local address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10, carrier-grade NAT
    }
}
