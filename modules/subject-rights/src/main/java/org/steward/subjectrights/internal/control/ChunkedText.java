package org.steward.subjectrights.internal.control;

/** A text buffer that hands itself on in pieces of at most {@code limit} characters, numbered from 0. */
final class ChunkedText {

    interface Sink {
        void accept(int seq, String text);
    }

    private final int limit;
    private final Sink sink;
    private final StringBuilder buffer;
    private int seq;

    ChunkedText(int limit, Sink sink) {
        this.limit = limit;
        this.sink = sink;
        this.buffer = new StringBuilder(limit);
    }

    void append(String text) {
        int at = 0;
        while (at < text.length()) {
            int n = Math.min(limit - buffer.length(), text.length() - at);
            // Never split a surrogate pair across two chunks: each chunk is valid text on its own.
            if (n > 0 && at + n < text.length() && Character.isHighSurrogate(text.charAt(at + n - 1))) {
                n--;
            }
            if (n <= 0) {
                emit();
                continue;
            }
            buffer.append(text, at, at + n);
            at += n;
            if (buffer.length() >= limit) {
                emit();
            }
        }
    }

    void flush() {
        if (buffer.length() > 0) {
            emit();
        }
    }

    private void emit() {
        sink.accept(seq++, buffer.toString());
        buffer.setLength(0);
    }

    int chunks() {
        return seq;
    }
}
