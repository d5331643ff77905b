package org.steward.platform.kernel.api.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mailer against a real SMTP server (GreenMail on a free port of loopback). */
class MailerTest {

    private static final String TO = "subject@mail.example";
    private static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");

    private GreenMail smtp;
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay@mail.example", "relay", "s3cret"));
        smtp.start();
        Logger.getLogger(Mailer.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(Mailer.class.getName()).removeHandler(capture);
        smtp.stop();
    }

    @Test
    void deliversSubjectBodyFromAndDate() throws Exception {
        Mailer mailer = mailer("127.0.0.1", smtp.getSmtp().getPort());
        assertThat(mailer.configured()).isTrue();

        mailer.send(TO, "Your verification code", "Your code is 123456.\nIt is valid for 10 minutes.");

        MimeMessage mail = only(TO);
        assertThat(mail.getSubject()).isEqualTo("Your verification code");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
                .isEqualTo("Your code is 123456.\nIt is valid for 10 minutes.");
        assertThat(mail.getFrom()).containsExactly(new InternetAddress("privacy@steward.example"));
        assertThat(mail.getRecipients(MimeMessage.RecipientType.TO)).containsExactly(new InternetAddress(TO));
        assertThat(mail.getSentDate().toInstant()).isEqualTo(NOW);
        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(logged).isEmpty();
    }

    @Test
    void utf8SubjectAndTextSurvive() throws Exception {
        String subject = "Bestätigung Ihrer Anfrage — 확인";
        String text = "Grüße aus Zürich: ½ € ✓ 😀\nПривет, 세계";

        mailer("127.0.0.1", smtp.getSmtp().getPort()).send(TO, subject, text);

        MimeMessage mail = only(TO);
        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo(text);
    }

    @Test
    void authenticatesWhenAUserIsConfigured() throws Exception {
        Mailer mailer = mailer("127.0.0.1", smtp.getSmtp().getPort());
        mailer.username = Optional.of("relay");
        mailer.password = Optional.of("s3cret");

        mailer.send(TO, "s", "t");

        assertThat(only(TO).getSubject()).isEqualTo("s");
    }

    @Test
    void aRefusedLoginIsNotSentAndNamesNoAddress() {
        Mailer mailer = mailer("127.0.0.1", smtp.getSmtp().getPort());
        mailer.username = Optional.of("relay");
        mailer.password = Optional.of("wrong");

        MailNotSent e = catchThrowableOfType(MailNotSent.class, () -> mailer.send(TO, "s", "t"));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("AuthenticationFailedException").doesNotContain("@", "subject");
        assertThat(e.permanent()).isFalse();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerThrowsMailNotSentThatNamesNoAddress() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Mailer mailer = mailer("127.0.0.1", closed);

        MailNotSent e = catchThrowableOfType(MailNotSent.class, () -> mailer.send(TO, "s", "secret body"));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("Mail not sent").doesNotContain("@", TO, "secret body");
        assertThat(e.getCause()).isNull();
        assertThat(e.permanent()).isFalse();
    }

    @Test
    void starttlsIsRequiredWhenConfigured() throws Exception {
        // GreenMail's plain SMTP does not offer STARTTLS: the mail must not go out in the clear.
        Mailer mailer = mailer("127.0.0.1", smtp.getSmtp().getPort());
        mailer.starttls = true;

        assertThat(catchThrowableOfType(MailNotSent.class, () -> mailer.send(TO, "s", "t"))).isNotNull();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        mailer.starttls = false;
        mailer.send(TO, "s", "t");
        assertThat(only(TO).getSubject()).isEqualTo("s");
    }

    @Test
    void aRecipientListOrAnUnparsableAddressIsRefusedAsPermanent() {
        Mailer mailer = mailer("127.0.0.1", smtp.getSmtp().getPort());

        for (String to : List.of(TO + ", other@mail.example", "not an address", TO + "\r\nBcc: other@mail.example")) {
            MailNotSent e = catchThrowableOfType(MailNotSent.class, () -> mailer.send(to, "s", "t"));
            assertThat(e).as(to).isNotNull();
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).doesNotContain("@", "address\"");
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutAHostNothingIsSentAndTheLogNamesNoRecipient() {
        for (Optional<String> host : List.of(Optional.<String>empty(), Optional.of("  "))) {
            Mailer mailer = mailer(null, 25);
            mailer.host = host;
            assertThat(mailer.configured()).isFalse();

            assertThatCode(() -> mailer.send(TO, "Your code", "123456")).doesNotThrowAnyException();
        }

        assertThat(logged).extracting(LogRecord::getMessage)
                .containsExactly("mail not sent: no SMTP host configured", "mail not sent: no SMTP host configured");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aKeyedMailKeepsItsMessageIdWhenItGoesAgain() throws Exception {
        Mailer mailer = mailer("127.0.0.1", smtp.getSmtp().getPort());
        String key = "0b9d7c1e-5f3a-4c2e-9a61-2d8f0e4b7a15";

        mailer.send(TO, "Your request", "Received.", key);
        mailer.send(TO, "Your request", "Received.", key); // the same queued mail, sent again after a crash
        mailer.send(TO, "Unkeyed", "One.");
        mailer.send(TO, "Unkeyed", "Two.");

        MimeMessage[] mails = smtp.getReceivedMessagesForDomain("mail.example");
        assertThat(mails).hasSize(4);
        assertThat(mails[0].getMessageID()).isEqualTo("<" + key + ".steward@steward.example>");
        assertThat(mails[1].getMessageID()).isEqualTo(mails[0].getMessageID());
        assertThat(mails[2].getMessageID()).isNotBlank().isNotEqualTo(mails[3].getMessageID());
    }

    @Test
    void aMessageKeyIsLettersDigitsAndDashesOnly() throws Exception {
        InternetAddress from = new InternetAddress("privacy@steward.example");
        assertThat(Mailer.messageId("abc-123", from)).isEqualTo("<abc-123.steward@steward.example>");
        assertThat(catchThrowableOfType(() -> Mailer.messageId("a>\r\nBcc: x@evil.example", from),
                IllegalArgumentException.class)).isNotNull();
    }

    private MimeMessage only(String address) {
        List<MimeMessage> mails = smtp.findReceivedMessages(u -> u.getEmail().equals(address), m -> true).toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static Mailer mailer(String host, int port) {
        Mailer mailer = new Mailer();
        mailer.host = Optional.ofNullable(host);
        mailer.port = port;
        mailer.from = "privacy@steward.example";
        mailer.username = Optional.empty();
        mailer.password = Optional.empty();
        mailer.starttls = false;
        mailer.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return mailer;
    }
}
