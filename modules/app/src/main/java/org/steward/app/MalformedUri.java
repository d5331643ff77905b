package org.steward.app;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The request paths that Payara's HTTP layer refuses before the web container sees them: a malformed escape
 * ({@code %zz}, a trailing {@code %4}), an escape that is not UTF-8, a NUL or a backslash, a {@code ..} that climbs
 * above the root. Exactly these; every other path is left to the application.
 */
final class MalformedUri {

    private MalformedUri() {
    }

    /** {@code rawPath}: the request path as sent (escapes not decoded, no query string). */
    static boolean isMalformed(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    return true;
                }
                int high = Character.digit(rawPath.charAt(i + 1), 16);
                int low = Character.digit(rawPath.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return true;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return true;
        }
        return decoded.indexOf('\0') >= 0 || decoded.indexOf('\\') >= 0 || climbsAboveRoot(decoded);
    }

    private static boolean climbsAboveRoot(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                if (segments.pollLast() == null) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return false;
    }
}
