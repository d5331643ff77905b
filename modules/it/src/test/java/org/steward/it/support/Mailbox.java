package org.steward.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real SMTP server (GreenMail) for the whole test JVM: every test server is started with it as its SMTP host,
 * and tests read what Steward sent. GreenMail cannot empty one recipient's mailbox, so each test writes to addresses
 * of its own ({@link Fixtures#uniqueEmail}-style).
 */
public final class Mailbox {

    /** One delivered mail, and when the SMTP server took it. */
    public record Mail(String to, String subject, String text, java.time.Instant at) {
    }

    private static GreenMail server;

    private Mailbox() {
    }

    private static synchronized GreenMail server() {
        if (server == null) {
            GreenMail g = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            g.start();
            Runtime.getRuntime().addShutdownHook(new Thread(g::stop));
            server = g;
        }
        return server;
    }

    public static String host() {
        return "127.0.0.1";
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    public static List<Mail> to(String address) {
        List<Mail> out = new ArrayList<>();
        for (MimeMessage m : server().getReceivedMessages()) {
            try {
                for (jakarta.mail.Address a : m.getRecipients(Message.RecipientType.TO)) {
                    if (a.toString().equalsIgnoreCase(address)) {
                        out.add(mail(address, m));
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** Every mail received so far, to whomever, in arrival order. */
    public static List<Mail> all() {
        List<Mail> out = new ArrayList<>();
        for (MimeMessage m : server().getReceivedMessages()) {
            try {
                for (jakarta.mail.Address a : m.getRecipients(Message.RecipientType.TO)) {
                    out.add(mail(a.toString(), m));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static Mail mail(String to, MimeMessage m) throws MessagingException {
        java.util.Date received = m.getReceivedDate();
        return new Mail(to, m.getSubject(), GreenMailUtil.getBody(m).replace("\r\n", "\n"),
                received == null ? null : received.toInstant());
    }

    /** Waits for the {@code n}-th (1-based) mail to the address that matches. */
    public static Mail await(String address, Predicate<Mail> matching, int n, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Mail> found = to(address).stream().filter(matching).toList();
            if (found.size() >= n) {
                return found.get(n - 1);
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("No mail #" + n + " to " + address + " within " + timeout + "; it has: "
                        + to(address).stream().map(Mail::subject).toList());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static Mail awaitSubject(String address, String subject) {
        return await(address, m -> m.subject().equals(subject), 1, Duration.ofSeconds(20));
    }

    public static String codeIn(Mail m) {
        Matcher x = Pattern.compile("\\b(\\d{6})\\b").matcher(m.text());
        if (!x.find()) {
            throw new AssertionError("No code in: " + m.subject());
        }
        return x.group(1);
    }

    /** The path and query of the first link of this server in the mail ({@code /api/...}). */
    public static String linkIn(Mail m) {
        Matcher x = Pattern.compile("(/api/\\S+)").matcher(m.text());
        if (!x.find()) {
            throw new AssertionError("No link in: " + m.subject());
        }
        return x.group(1);
    }
}
