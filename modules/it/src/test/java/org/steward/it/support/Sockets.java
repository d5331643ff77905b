package org.steward.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What a process listens on, read from /proc like {@code ss -ltnp} does (Linux). */
public final class Sockets {

    private Sockets() {
    }

    /** The TCP sockets in LISTEN state that the process holds, as address:port, from /proc (Linux). */
    public static Set<String> listening(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        Set<String> out = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("/proc", String.valueOf(pid), "net", table)));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
                    out.add(address(f[1]));
                }
            }
        }
        return out;
    }

    /** /proc/net/tcp's "0100007F:1F90" (little-endian IPv4) or its 32-hex-digit IPv6 form. */
    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String a = parts[0];
        if (a.length() == 8) {
            return Integer.parseInt(a.substring(6, 8), 16) + "." + Integer.parseInt(a.substring(4, 6), 16) + "."
                    + Integer.parseInt(a.substring(2, 4), 16) + "." + Integer.parseInt(a.substring(0, 2), 16) + ":" + port;
        }
        if (a.startsWith("0000000000000000FFFF0000")) { // an IPv4-mapped IPv6 address: the IPv4 word as above
            return address(a.substring(24) + ":" + parts[1]);
        }
        return (a.equals("00000000000000000000000000000000") ? "[::]" : "[" + a + "]") + ":" + port;
    }

}
