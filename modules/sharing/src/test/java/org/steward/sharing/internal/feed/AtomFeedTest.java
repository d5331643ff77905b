package org.steward.sharing.internal.feed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AtomFeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final URI FEED_ID = URI.create("tag:steward.example.com,2025:subprocessors");
    private static final URI SELF = URI.create("https://steward.example.com/public/subprocessors/feed.atom");
    private static final URI PAGE = URI.create("https://steward.example.com/public/subprocessors");
    private static final Instant OLDER = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant NEWER = Instant.parse("2025-04-02T10:30:15.250Z");
    private static final UUID FIRST = UUID.fromString("6f1c2a3e-8d4b-4c1a-9e2f-0a1b2c3d4e5f");
    private static final UUID SECOND = UUID.fromString("00000000-0000-4000-8000-000000000002");

    private final AtomFeed feed = new AtomFeed(FEED_ID, "Subprocessors of Example Ltd", "Example Ltd", SELF, PAGE);

    @Test
    void writesAValidFeedWithTheRequiredElements() throws Exception {
        Document doc = parse(write(List.of(
                new AtomFeed.Entry(SECOND, "Mailer Inc added", NEWER, NEWER, "Sends our e-mail.",
                        URI.create("https://steward.example.com/public/subprocessors/mailer"), "subprocessor.added"),
                new AtomFeed.Entry(FIRST, "Hoster GmbH changed", OLDER, OLDER, null,
                        URI.create("https://steward.example.com/public/subprocessors/hoster"), null)),
                Instant.EPOCH));

        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(child(root, "id").getTextContent()).isEqualTo(FEED_ID.toString());
        assertThat(child(root, "title").getTextContent()).isEqualTo("Subprocessors of Example Ltd");
        assertThat(child(root, "updated").getTextContent()).isEqualTo("2025-04-02T10:30:15.250Z");
        assertThat(child(child(root, "author"), "name").getTextContent()).isEqualTo("Example Ltd");
        assertThat(link(root, "self").getAttribute("href")).isEqualTo(SELF.toString());
        assertThat(link(root, "self").getAttribute("type")).isEqualTo("application/atom+xml");
        assertThat(link(root, "alternate").getAttribute("href")).isEqualTo(PAGE.toString());

        List<Element> entries = children(root, "entry");
        assertThat(entries).hasSize(2);
        Element entry = entries.get(0);
        assertThat(child(entry, "id").getTextContent()).isEqualTo("urn:uuid:" + SECOND);
        assertThat(child(entry, "title").getTextContent()).isEqualTo("Mailer Inc added");
        assertThat(child(entry, "updated").getTextContent()).isEqualTo("2025-04-02T10:30:15.250Z");
        assertThat(child(entry, "published").getTextContent()).isEqualTo("2025-04-02T10:30:15.250Z");
        assertThat(child(entry, "summary").getTextContent()).isEqualTo("Sends our e-mail.");
        assertThat(link(entry, "alternate").getAttribute("href"))
                .isEqualTo("https://steward.example.com/public/subprocessors/mailer");
        assertThat(child(entry, "category").getAttribute("term")).isEqualTo("subprocessor.added");

        Element second = entries.get(1);
        assertThat(child(second, "id").getTextContent()).isEqualTo("urn:uuid:" + FIRST);
        assertThat(child(second, "updated").getTextContent()).isEqualTo("2025-03-01T09:00:00Z");
        assertThat(children(second, "summary")).isEmpty();
        assertThat(children(second, "category")).isEmpty();
    }

    @Test
    void takesTheNewestEntryAsTheFeedsUpdatedWhateverTheOrder() throws Exception {
        Document doc = parse(write(List.of(entry(FIRST, "old", OLDER), entry(SECOND, "new", NEWER)), Instant.EPOCH));

        assertThat(child(doc.getDocumentElement(), "updated").getTextContent()).isEqualTo("2025-04-02T10:30:15.250Z");
    }

    @Test
    void escapesMarkupAmpersandsAndQuotes() throws Exception {
        String title = "<script>alert(\"x\")</script> & 'Co' ]]> done";
        String term = "a\"b<c>&d'e";
        AtomFeed.Entry entry = new AtomFeed.Entry(FIRST, title, OLDER, OLDER, "Tom & \"Jerry\" <b>bold</b>",
                URI.create("https://steward.example.com/s?a=1&b=2"), term);
        AtomFeed quoted = new AtomFeed(FEED_ID, "Feed \"of\" <Example> & Co", "A & B <x>", SELF, PAGE);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        quoted.write(out, List.of(entry), Instant.EPOCH);
        String xml = out.toString(UTF_8);

        assertThat(xml).doesNotContain("<script>", "<b>", "<Example>", "]]>", "a=1&b=2", "& Co", "\"x\"", "'Co'");
        assertThat(xml).contains("&lt;script&gt;alert(&quot;x&quot;)", "&apos;Co&apos;", "a=1&amp;b=2",
                "term=\"a&quot;b&lt;c&gt;&amp;d'e\"");
        Document doc = parse(out.toByteArray());
        Element root = doc.getDocumentElement();
        assertThat(child(root, "title").getTextContent()).isEqualTo("Feed \"of\" <Example> & Co");
        assertThat(child(child(root, "author"), "name").getTextContent()).isEqualTo("A & B <x>");
        Element e = child(root, "entry");
        assertThat(child(e, "title").getTextContent()).isEqualTo(title);
        assertThat(child(e, "summary").getTextContent()).isEqualTo("Tom & \"Jerry\" <b>bold</b>");
        assertThat(child(e, "category").getAttribute("term")).isEqualTo(term);
        assertThat(link(e, "alternate").getAttribute("href")).isEqualTo("https://steward.example.com/s?a=1&b=2");
    }

    @Test
    void replacesCharactersThatXmlCannotCarrySoTheFeedStillParses() throws Exception {
        String title = "bell\u0007 nul\u0000 lone\uD800 emoji\uD83D\uDE00 ä";

        Document doc = parse(write(List.of(entry(FIRST, title, OLDER)), Instant.EPOCH));

        assertThat(child(child(doc.getDocumentElement(), "entry"), "title").getTextContent())
                .isEqualTo("bell\uFFFD nul\uFFFD lone\uFFFD emoji\uD83D\uDE00 ä");
    }

    @Test
    void writesAnEmptyFeedWithTheFallbackTime() throws Exception {
        Document doc = parse(write(List.of(), Instant.parse("2025-01-01T00:00:00Z")));

        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(child(root, "updated").getTextContent()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(children(root, "entry")).isEmpty();
        assertThat(child(root, "id").getTextContent()).isEqualTo(FEED_ID.toString());
    }

    @Test
    void declaresUtf8AndDoesNotCloseTheCallersStream() throws Exception {
        class Tracking extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        Tracking out = new Tracking();

        feed.write(out, List.of(entry(FIRST, "Zürich", OLDER)), Instant.EPOCH);

        assertThat(out.closed).isFalse();
        assertThat(out.toString(UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").contains("Zürich");
    }

    @Test
    void acceptsATagOrUuidUrnAsTheFeedIdOnly() {
        new AtomFeed(URI.create("urn:uuid:" + FIRST), "t", "a", SELF, PAGE);

        assertThatThrownBy(() -> new AtomFeed(URI.create("https://steward.example.com/feed"), "t", "a", SELF, PAGE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AtomFeed(URI.create("urn:isbn:123"), "t", "a", SELF, PAGE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AtomFeed(URI.create("urn:uuid:not-a-uuid"), "t", "a", SELF, PAGE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AtomFeed(FEED_ID, "t", "a", URI.create("/relative"), PAGE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AtomFeed.Entry(FIRST, "t", OLDER, OLDER, null, URI.create("/e/1"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static AtomFeed.Entry entry(UUID id, String title, Instant at) {
        return new AtomFeed.Entry(id, title, at, at, "summary", URI.create("https://steward.example.com/e/" + id),
                "subprocessor.changed");
    }

    private byte[] write(List<AtomFeed.Entry> entries, Instant fallback) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        feed.write(out, entries, fallback);
        return out.toByteArray();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("exactly one atom:%s", name).hasSize(1);
        return found.get(0);
    }

    private static Element link(Element parent, String rel) {
        return children(parent, "link").stream().filter(l -> rel.equals(l.getAttribute("rel"))).findFirst()
                .orElseThrow(() -> new AssertionError("no link rel=" + rel));
    }
}
