package org.fraudstats.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.fraudstats.storage.DurableFiles;
import org.fraudstats.storage.GroupReadable;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The relay of spring.mail.* when spring.mail.host is set (Spring Boot then makes the JavaMailSender); without
 * one, as in the demo, each mail is written as an .eml file next to its bulletin (OUT/daily/D/mail/), which any
 * mail client opens.
 */
@Component
class MailRelay {

    private static final FileAttribute<?> FILE_MODE = PosixFilePermissions.asFileAttribute(GroupReadable.FILE);

    private final JavaMailSender sender;
    private final Session session;

    MailRelay(ObjectProvider<JavaMailSender> sender) {
        this.sender = sender.getIfAvailable();
        if (this.sender instanceof JavaMailSenderImpl impl) {
            // the name said in EHLO, the machine's as the kernel holds it: Jakarta Mail looked it up in DNS for every
            // connection to the relay, which on an isolated network whose DNS does not answer waited (review r43e)
            impl.getJavaMailProperties().putIfAbsent("mail.smtp.localhost", org.fraudstats.storage.HostName.of());
        }
        this.session = this.sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
    }

    /** Whether mails go to a relay; without one they are written as .eml files, and said to be written, not sent. */
    boolean relays() {
        return sender != null;
    }

    /** The relay's host (spring.mail.host), or null without one. */
    String host() {
        return sender instanceof JavaMailSenderImpl impl && impl.getHost() != null ? impl.getHost()
                : sender == null ? null : "spring.mail.host";
    }

    MimeMessage newMessage(String messageId) {
        return new DeliveryMessage(session, messageId);
    }

    /**
     * What JavaMailSenderImpl throws when every message was accepted (none failed) and only the closing QUIT failed;
     * this class sends one message per call.
     */
    static boolean acceptedBeforeTheConnectionFailed(MailSendException e) {
        return e.getFailedMessages().isEmpty() && e.getMessage() != null
                && e.getMessage().startsWith("Failed to close server connection after message sending");
    }

    /**
     * Whether sending failed because the relay did not answer within spring.mail's timeouts, as JavaMail reports it
     * through Spring (the cause of a connection failure, or the exception of the message): connecting and reading
     * raise SocketTimeoutException; writing (mail.smtp.writetimeout, a relay hung in the middle of the data) a plain
     * IOException "Write timed out" (Angus Mail's TimeoutOutputStream).
     */
    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException
                    || t instanceof IOException && t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out")) {
                return true;
            }
            if (t instanceof MailSendException m) {
                for (Exception each : m.getMessageExceptions()) {
                    if (each != t && timedOut(each)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Why sending failed, on one line as the mail's row keeps it: with what to do when the relay offers no STARTTLS,
     * which the relay is required to since r44d (a deployment that upgraded onto a relay without TLS saw Angus Mail's
     * words alone).
     */
    static String failure(Exception e) {
        String why = (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()).replaceAll("\\s+", " ").strip();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("STARTTLS is required")) {
                return "the relay offers no STARTTLS, which is required so that no bulletin crosses the network in clear "
                        + "(a relay without TLS: spring.mail.properties.mail.smtp.starttls.required=false; README, Mail): " + why;
            }
        }
        return why;
    }

    /** @return where the mail went: the relay, or the .eml file written */
    String send(MimeMessage message, Path bulletinFolder, String fileName) throws MessagingException, IOException {
        if (sender != null) {
            try {
                sender.send(message);
            } catch (MailSendException e) {
                if (!acceptedBeforeTheConnectionFailed(e)) {
                    throw e;
                }
                // the relay answered 250 to the message, then the connection broke as it was closed: the mail is
                // sent, and kept pending it was sent again at the next pass, a leader mailed twice (tester)
                LoggerFactory.getLogger(MailRelay.class).warn("mail {} accepted by the relay; closing the connection then failed: {}",
                        message.getMessageID(), e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
            return "relay";
        }
        message.saveChanges();
        // a mail carries the bulletin: it is kept as the bulletin is, readable by the owner and the group only
        boolean posix = bulletinFolder.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path folder = GroupReadable.folders(bulletinFolder.resolve("mail"));
        Path file = folder.resolve(fileName + ".eml");
        Path temporary = folder.resolve(fileName + ".eml.tmp");
        Files.deleteIfExists(temporary);
        if (posix) {
            Files.createFile(temporary, FILE_MODE);
            GroupReadable.file(temporary);
        }
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                message.writeTo(out);
                out.flush();
                // the mail is marked sent once this returns: on the disk, under its name, as the bulletin it carries
                channel.force(true);
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.syncFolder(folder);
        } catch (IOException | MessagingException | RuntimeException e) {
            // a full disk left the half-written mail beside the bulletin until that mail was tried again, which a
            // bulletin whose other mails went out never is
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return file.toString();
    }
}
