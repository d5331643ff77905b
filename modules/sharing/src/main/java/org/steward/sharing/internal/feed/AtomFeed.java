package org.steward.sharing.internal.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The public feed of register changes as Atom 1.0 (RFC 4287), for the feed readers and monitoring tools that subscribers
 * already run. Written with StAX so every text and attribute is escaped by the writer, never by hand; characters that
 * XML 1.0 cannot carry at all (control characters, lone surrogates) become U+FFFD so the feed always parses.
 *
 * <p>The JDK's own StAX implementation is used whatever the server bundles, so the output does not change with the
 * runtime. Immutable and thread-safe.
 */
public final class AtomFeed {

    /** The media type to serve the feed as. */
    public static final String MEDIA_TYPE = "application/atom+xml";

    /** The Atom namespace. */
    public static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final URI id;
    private final String title;
    private final String authorName;
    private final URI self;
    private final URI alternate;

    /**
     * One change in the feed.
     *
     * @param id        the change's id, written as {@code urn:uuid:}: permanent, so readers never show it twice
     * @param title     a one-line title
     * @param published when the change was first published
     * @param updated   when it last changed (a correction); equal to {@code published} otherwise
     * @param summary   plain text, or null for none
     * @param alternate the change on the web
     * @param category  the kind of change (a term such as {@code subprocessor.added}), or null for none
     */
    public record Entry(UUID id, String title, Instant published, Instant updated, String summary, URI alternate,
                        String category) {

        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(published, "published");
            Objects.requireNonNull(updated, "updated");
            requireAbsolute(alternate, "alternate");
        }
    }

    /**
     * @param id         the feed's permanent id: a {@code tag:} or {@code urn:uuid:} URI, so it survives a move of the
     *                   server
     * @param title      the feed's title
     * @param authorName the author every entry inherits (Atom requires one)
     * @param self       where the feed itself is served
     * @param alternate  the register's page on the web
     * @throws IllegalArgumentException if the id is neither a tag: nor a urn:uuid: URI, or a link is not absolute
     */
    public AtomFeed(URI id, String title, String authorName, URI self, URI alternate) {
        Objects.requireNonNull(id, "id");
        String scheme = id.getScheme() == null ? "" : id.getScheme().toLowerCase(Locale.ROOT);
        boolean tag = scheme.equals("tag") && id.getSchemeSpecificPart().length() > 0;
        boolean uuid = scheme.equals("urn") && isUuidUrn(id.getSchemeSpecificPart());
        if (!tag && !uuid) {
            throw new IllegalArgumentException("The feed id must be a tag: or urn:uuid: URI");
        }
        this.id = id;
        this.title = Objects.requireNonNull(title, "title");
        this.authorName = Objects.requireNonNull(authorName, "authorName");
        this.self = requireAbsolute(self, "self");
        this.alternate = requireAbsolute(alternate, "alternate");
    }

    /**
     * Writes the feed, entries in the order given (newest first, by convention). The feed's {@code updated} is the
     * newest entry's {@code updated}, or {@code fallbackUpdated} when there are none (an empty register still has a
     * valid feed). The stream is flushed, not closed: it is the caller's.
     *
     * @throws IOException if the stream fails
     */
    public void write(OutputStream out, List<Entry> entries, Instant fallbackUpdated) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(fallbackUpdated, "fallbackUpdated");
        Instant updated = entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(fallbackUpdated);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "feed");
            xml.writeDefaultNamespace(NAMESPACE);
            text(xml, "id", id.toString());
            text(xml, "title", title);
            text(xml, "updated", rfc3339(updated));
            link(xml, "self", self, MEDIA_TYPE);
            link(xml, "alternate", alternate, "text/html");
            xml.writeStartElement(NAMESPACE, "author");
            text(xml, "name", authorName);
            xml.writeEndElement();
            for (Entry entry : entries) {
                entry(xml, entry);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("The Atom feed could not be written", e);
        }
    }

    private static void entry(XMLStreamWriter xml, Entry entry) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, "entry");
        text(xml, "id", "urn:uuid:" + entry.id());
        text(xml, "title", entry.title());
        text(xml, "updated", rfc3339(entry.updated()));
        text(xml, "published", rfc3339(entry.published()));
        if (entry.summary() != null) {
            text(xml, "summary", entry.summary());
        }
        link(xml, "alternate", entry.alternate(), null);
        if (entry.category() != null) {
            xml.writeEmptyElement(NAMESPACE, "category");
            xml.writeAttribute("term", xmlSafe(entry.category()));
        }
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, element);
        characters(xml, xmlSafe(value));
        xml.writeEndElement();
    }

    /**
     * The writer escapes {@code <}, {@code >} and {@code &}; quotes, legal as they are in text, are written as
     * references too, so text copied from the feed into an attribute (by a careless reader) cannot end it.
     */
    private static void characters(XMLStreamWriter xml, String text) throws XMLStreamException {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                xml.writeCharacters(text.substring(start, i));
                xml.writeEntityRef(c == '"' ? "quot" : "apos");
                start = i + 1;
            }
        }
        xml.writeCharacters(text.substring(start));
    }

    private static void link(XMLStreamWriter xml, String rel, URI href, String type) throws XMLStreamException {
        xml.writeEmptyElement(NAMESPACE, "link");
        xml.writeAttribute("rel", rel);
        if (type != null) {
            xml.writeAttribute("type", type);
        }
        xml.writeAttribute("href", xmlSafe(href.toString()));
    }

    /** RFC 3339 in UTC, as Atom's date constructs require; fractions of a second only when there are some. */
    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The text with every character that XML 1.0 cannot carry replaced by U+FFFD. */
    static String xmlSafe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (allowed) {
                    out.appendCodePoint(c);
                } else {
                    out.append('\uFFFD');
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    private static boolean isUuidUrn(String ssp) {
        if (!ssp.regionMatches(true, 0, "uuid:", 0, 5)) {
            return false;
        }
        try {
            String value = ssp.substring(5);
            return value.length() == 36 && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static URI requireAbsolute(URI uri, String name) {
        Objects.requireNonNull(uri, name);
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException(name + " must be an absolute URI");
        }
        return uri;
    }
}
