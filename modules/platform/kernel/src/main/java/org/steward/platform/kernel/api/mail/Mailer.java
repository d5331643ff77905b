package org.steward.platform.kernel.api.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends plain-text mail (UTF-8) through the configured SMTP server (steward.mail.*; see the module's
 * microprofile-config.properties). Without a host nothing is sent, and requests go on for staff. Addresses and
 * texts are never logged.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    /** Connect, read and write timeouts: a hung SMTP server must not hold a request thread for long. */
    static final int TIMEOUT_MILLIS = 10_000;

    @Inject
    @ConfigProperty(name = "steward.mail.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "steward.mail.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "steward.mail.from", defaultValue = "privacy@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "steward.mail.smtp.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "steward.mail.smtp.password")
    Optional<String> password;

    /** When set, the server must offer STARTTLS: a plain-text fallback would expose the codes and the password. */
    @Inject
    @ConfigProperty(name = "steward.mail.smtp.starttls", defaultValue = "false")
    boolean starttls;

    @Inject
    Clock clock;

    /** Whether an SMTP host is configured, i.e. whether {@link #send} really sends. */
    public boolean configured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    /**
     * Hands one plain-text mail to the SMTP server. Returns normally, sending nothing, when no host is configured.
     *
     * @throws MailNotSent when the server cannot be reached or refuses the mail, or an address does not parse
     */
    public void send(String to, String subject, String text) {
        send(to, subject, text, null);
    }

    /**
     * Like {@link #send(String, String, String)}, with a {@code Message-ID} made from {@code key} (a queued mail's own
     * id). Queued mail goes at least once: an instance that dies after the SMTP server took a mail but before its
     * commit sends it again, and the same {@code Message-ID} lets the receiving side see one mail, not two.
     */
    public void send(String to, String subject, String text, String key) {
        if (!configured()) {
            LOG.info("mail not sent: no SMTP host configured");
            return;
        }
        InternetAddress sender;
        InternetAddress recipient;
        try {
            sender = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new MailNotSent("Mail not sent: steward.mail.from does not parse as an address", false);
        }
        try {
            // Strict parsing of one address: a "to" that holds a list or extra headers is refused, not sent.
            recipient = new InternetAddress(to, true);
        } catch (AddressException e) {
            throw new MailNotSent("Mail not sent: the recipient's address does not parse", true);
        }
        Session session = Session.getInstance(properties());
        try {
            MimeMessage message = key == null ? new MimeMessage(session)
                    : new KeyedMessage(session, messageId(key, sender));
            message.setFrom(sender);
            message.setRecipient(Message.RecipientType.TO, recipient);
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(text, StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(host.get().trim(), port, username.filter(u -> !u.isBlank()).orElse(null),
                        password.orElse(null));
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new MailNotSent("Mail not sent: " + causes(e), false);
        }
    }

    /** {@code <key.steward@sender's domain>}: RFC 5322's id-left may hold the key's letters, digits and dashes. */
    static String messageId(String key, InternetAddress sender) {
        if (!key.matches("[A-Za-z0-9-]{1,100}")) {
            throw new IllegalArgumentException("A message key is letters, digits and dashes");
        }
        String address = sender.getAddress();
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return "<" + key + ".steward@" + (domain.isBlank() || domain.equals(address) ? "localhost" : domain) + ">";
    }

    /** A message whose Message-ID is given, not drawn at random when it is saved. */
    private static final class KeyedMessage extends MimeMessage {

        private final String id;

        KeyedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.auth", String.valueOf(username.filter(u -> !u.isBlank()).isPresent()));
        p.setProperty("mail.smtp.starttls.enable", String.valueOf(starttls));
        p.setProperty("mail.smtp.starttls.required", String.valueOf(starttls));
        p.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
        return p;
    }

    /**
     * The chain of exception types, e.g. "MailConnectException < ConnectException": what went wrong, without the
     * messages, which may quote an address.
     */
    private static String causes(Throwable e) {
        List<String> names = new ArrayList<>();
        for (Throwable t = e; t != null && names.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            names.add(t.getClass().getSimpleName());
        }
        return String.join(" < ", names);
    }
}
