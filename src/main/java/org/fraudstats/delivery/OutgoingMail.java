package org.fraudstats.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import org.fraudstats.bulletin.PublishedFigures;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The message of one claimed mail, as it goes to the relay: the sender of the distribution file read now, the
 * recipient, the text and HTML {@link BulletinMails} writes, and the attachments its list takes (or, over the
 * size cap, none and a line saying where to find them).
 */
@Component
class OutgoingMail {

    /** A mail's file is not where it can be taken from: the mail waits for it, not for the relay. */
    static final class AttachmentMissing extends IllegalStateException {
        AttachmentMissing(String message) {
            super(message);
        }
    }

    /** This process reads no distribution file, so it has no sender's address: the mail waits for one that does. */
    static final class NoSender extends IllegalStateException {
        NoSender(String message) {
            super(message);
        }
    }

    private final BulletinMails mails;
    private final MailRelay relay;
    private final BulletinAttachments attachments;
    private final Clock clock;

    OutgoingMail(BulletinMails mails, MailRelay relay, BulletinAttachments attachments, Clock clock) {
        this.mails = mails;
        this.relay = relay;
        this.attachments = attachments;
        this.clock = clock;
    }

    MimeMessage of(DeliveryStore.Claimed d, Distribution config) throws Exception {
        if (config.from() == null) {
            // a revision goes to whoever received the bulletin before, even when this process reads no list: it waits,
            // retried, for a process that has the sender's address (serve and nightly read the same file)
            throw new NoSender("no sender: this process reads no distribution file (jobs/distribution.yml "
                    + "or the file FRAUDSTATS_DISTRIBUTION names)");
        }
        List<String> formats = config.lists().stream().filter(l -> l.name().equals(d.list())).findFirst()
                .map(Distribution.MailingList::attach).orElse(List.of("pdf"));
        List<Path> files = new ArrayList<>();
        long total = 0;
        for (String format : formats) {
            Path file = attachments.find(d.product(), d.from(), d.to(), d.revision(), Path.of(d.outFolder()), format)
                    .orElseThrow(() -> new AttachmentMissing("attachment " + folder(d).resolve(BulletinAttachments.fileName(
                            d.product(), d.from(), d.to(), d.revision(), format)) + " is missing, a link, or in a folder others "
                            + "can write to (not mailed), and the home's output folder has no copy: a rerun of the period writes one"));
            files.add(file);
            total += Files.size(file);
        }
        boolean overCap = total > config.maxAttachmentBytes();
        List<String> revisionChanges = d.changes().isEmpty() ? List.of() : List.of(d.changes().split("\n"));
        if (d.figures() == null) {
            throw new IllegalStateException("revision " + d.revision() + " of the " + d.product() + " bulletin "
                    + MailedBulletin.layoutPeriod(d.product(), d.from(), d.to()) + " is not recorded");
        }
        BulletinMails.Content content = mails.compose(d.product(), d.from(), d.to(), d.revision(), PublishedFigures.of(d.figures()),
                revisionChanges, d.lastReceived(),
                overCap ? List.of() : files.stream().map(f -> f.getFileName().toString()).toList(), overCap,
                config.maxAttachmentMegabytes());
        MimeMessage message = relay.newMessage(d.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(new InternetAddress(config.from().email(), config.from().name(), "UTF-8"));
        helper.setTo(new InternetAddress(d.email(), d.name(), "UTF-8"));
        helper.setSubject(content.subject());
        // the Date header in Beijing time, as every other time the centre reads (JavaMail writes the JVM's zone)
        MailDateFormat beijing = new MailDateFormat();
        beijing.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai")); // settings/BusinessTime.ZONE, outside this module
        message.setHeader("Date", beijing.format(java.util.Date.from(clock.instant())));
        helper.setText(content.text(), content.html());
        if (!overCap) {
            for (Path file : files) {
                // named types: a mail client opens the workbook as one, not as application/octet-stream
                String name = file.getFileName().toString();
                helper.addAttachment(name, new FileSystemResource(file), name.endsWith(".xlsx")
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/pdf");
            }
        }
        LetterBoundaries.apply(message);
        return message;
    }

    /** Where the mail's process wrote its bulletin (a .eml of it goes there too). */
    static Path folder(DeliveryStore.Claimed d) {
        return BulletinAttachments.folderOf(d.product(), d.from(), d.to(), Path.of(d.outFolder()));
    }
}
