package org.steward.subjectrights.internal.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plain-text mail through the configured SMTP server (Jakarta Mail). With no host configured nothing is sent and
 * the caller keeps the mail queued. Addresses and texts are never logged.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
    private static final String TIMEOUT_MS = "10000";

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

    @Inject
    @ConfigProperty(name = "steward.mail.smtp.starttls", defaultValue = "false")
    boolean starttls;

    private Session session;

    @PostConstruct
    void init() {
        if (!configured()) {
            LOG.info("Request mail is not sent: no SMTP host configured (STEWARD_MAIL_SMTP_HOST)");
            return;
        }
        Properties p = new Properties();
        p.put("mail.smtp.host", host.get().strip());
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        p.put("mail.smtp.timeout", TIMEOUT_MS);
        p.put("mail.smtp.writetimeout", TIMEOUT_MS);
        p.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        p.put("mail.smtp.starttls.required", Boolean.toString(starttls));
        boolean auth = username.filter(u -> !u.isBlank()).isPresent();
        p.put("mail.smtp.auth", Boolean.toString(auth));
        session = Session.getInstance(p, auth ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username.get(), password.orElse(""));
            }
        } : null);
    }

    public boolean configured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    public void send(String to, String subject, String text) {
        if (!configured()) {
            return;
        }
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(from, true));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            m.setSubject(subject, StandardCharsets.UTF_8.name());
            m.setText(text, StandardCharsets.UTF_8.name());
            m.setSentDate(new Date());
            Transport.send(m);
        } catch (MessagingException | RuntimeException e) {
            throw new MailNotSent("The SMTP server did not take the mail (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
