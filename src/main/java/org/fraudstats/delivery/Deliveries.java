package org.fraudstats.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.mail.internet.MimeMessage;
import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.Published;
import org.fraudstats.storage.FraudstatsHome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails published bulletins (delivery.md). Each mail is first recorded (table delivery) and committed; a pass
 * then claims each due mail by locking its row, sends it, and marks it sent in that same short transaction, so
 * two processes never send one mail and a process killed before the relay accepted it leaves it pending. A relay
 * that is down or refusing is tried again after growing pauses (5, 10, 20, 40, 80, 160 minutes), a last time 6 hours
 * after the mail was recorded, then the mail is failed. A relay that does not answer in time ends the pass, the
 * other mails left due for the next. Passes run after every publication and at every nightly run and `deliver`, and
 * every few minutes under `serve`.
 */
@Service
public class Deliveries {

    /**
     * Whether a range bulletin of [from, to] is mailed (a revision of it to its readers): a Monday-to-Sunday week or a
     * calendar month, the products lists subscribe to; a 区间 of other days is mailed to no one ({@link MailedBulletin}).
     */
    public static boolean mailsRange(java.time.LocalDate from, java.time.LocalDate to) {
        return MailedBulletin.product("range", from, to).isPresent();
    }

    static final Duration FIRST_PAUSE = Duration.ofMinutes(5);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(6);

    /**
     * One line of `deliveries`: dated by the bulletin's last day (delivery.md's key, as `deliver --date`), with its
     * whole period as the API dates a bulletin (2022-10-17_2022-10-23 for a week), so scripts can join the two.
     */
    public record Row(LocalDate from, LocalDate date, String kind, int revision, String list, String recipient, String state, int attempts,
                      Instant sentAt, String messageId, String error) {

        public String period() {
            return MailedBulletin.layoutPeriod(kind, from, date);
        }

        /** The bulletin as the runs page names it: 周报 2022-10-17 至 2022-10-23. */
        public String bulletinName() {
            return BulletinMails.productName(kind) + " " + (from.equals(date) ? date.toString() : from + " 至 " + date);
        }

        /** The state as the runs page says it. */
        public String stateName() {
            return switch (state) {
                case "failed" -> "已放弃（重试 6 小时未成功）";
                case "pending" -> "重试中";
                case "sent" -> "已发送";
                case "superseded" -> "未发送（同一收件人已有更新的版本）";
                default -> state;
            };
        }

        /**
         * What the relay answered, without the Java exceptions wrapped around it ("Failed messages:
         * org.eclipse.angus.mail.smtp.SMTPSendFailedException: 554 5.7.1 rejected" is "554 5.7.1 rejected").
         */
        public String reply() {
            if (error == null) {
                return "";
            }
            return error.replace("Failed messages:", "").replaceAll("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error):\\s*", "")
                    .replaceAll("\\s+", " ").strip();
        }
    }

    /** What a pass did. */
    public record Pass(int sent, int retrying, int failed) {
    }

    private final DistributionFile distributionFile;
    private final DeliveryStore store;
    private final OutgoingMail outgoing;
    private final BulletinAttachments attachments;
    private final MailRelay relay;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final FraudstatsHome home;
    private volatile Distribution distribution;

    private final org.fraudstats.audit.AuditTrail audit;

    Deliveries(DistributionFile distributionFile, DeliveryStore store, OutgoingMail outgoing, BulletinAttachments attachments,
               MailRelay relay, PlatformTransactionManager transactions, Clock clock, FraudstatsHome home,
               org.fraudstats.audit.AuditTrail audit) {
        this.audit = audit;
        this.distributionFile = distributionFile;
        this.store = store;
        this.outgoing = outgoing;
        this.attachments = attachments;
        this.relay = relay;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.home = home;
    }

    /**
     * Reads jobs/distribution.yml again (each night and each `deliver` takes the file as it is then); a bad file
     * raises {@link DistributionException} before anything is sent.
     */
    public void checkConfiguration() {
        distribution = distributionFile.read();
    }

    /**
     * The delivery step after publishing: records the mails of these bulletins and sends what is due. It never
     * throws: the bulletins are published whatever the relay does; problems are lines in {@code log}.
     */
    public void afterPublishing(List<Published> bulletins, Path out, Consumer<String> log) {
        List<MailedBulletin> mailed = bulletins.stream().map(MailedBulletin::of).flatMap(Optional::stream).toList();
        recordUnrecorded(mailed, log);
        try {
            recordEach(mailed, out, log);
            sendRecorded(log);
        } catch (RuntimeException e) {
            log.accept("warning: mail not sent now, tried again at the next pass: " + e.getMessage());
        }
    }

    /**
     * After `rerun`: mails the revisions it published (never its first publications of old days) to the
     * recipients of the revision before. Never throws, like {@link #afterPublishing}.
     */
    public void afterRerun(long jobExecutionId, Path out, Consumer<String> log) {
        try {
            List<MailedBulletin> revisions = store.revisionsOfRun(jobExecutionId);
            recordUnrecorded(revisions, log);
            recordEach(revisions, out, log);
            sendRecorded(log);
        } catch (RuntimeException e) {
            log.accept("warning: mail not sent now, tried again at the next pass: " + e.getMessage());
        }
    }

    /** Records each bulletin's mails on its own: one that cannot be recorded does not keep the others from going. */
    private void recordEach(List<MailedBulletin> bulletins, Path out, Consumer<String> log) {
        int recorded = 0;
        for (MailedBulletin bulletin : bulletins) {
            try {
                recorded += record(bulletin, out, log);
            } catch (RuntimeException e) {
                log.accept("warning: the mails of the " + bulletin.product() + " bulletin "
                        + MailedBulletin.layoutPeriod(bulletin.product(), bulletin.from(), bulletin.to()) + " (revision "
                        + bulletin.revision() + ") were not recorded: " + e.getMessage());
            }
        }
        if (recorded > 0) {
            log.accept(recorded + " mails to send");
        }
    }

    /**
     * A list attaches a format this revision was not rendered in (`rerun --formats pdf` of a correction mailed to a list
     * taking pdf and xlsx): its mails wait for a file nothing is going to write, and fail after 6 hours, while the pass
     * said "waiting for the relay" (retester). Said at once, with what writes it.
     */
    private void warnOfMissingFormats(MailedBulletin bulletin, Path out, java.util.Set<String> mailed, Consumer<String> log) {
        for (Distribution.MailingList list : distribution().lists()) {
            if (!mailed.contains(list.name())) {
                continue;
            }
            for (String format : list.attach()) {
                if (attachments.find(bulletin.product(), bulletin.from(), bulletin.to(), bulletin.revision(), out, format).isEmpty()) {
                    boolean there = BulletinAttachments.inOutFolder(bulletin.product(), bulletin.from(), bulletin.to(),
                            bulletin.revision(), out, format);
                    log.accept("warning: the " + bulletin.product() + " bulletin " + MailedBulletin.layoutPeriod(bulletin.product(),
                            bulletin.from(), bulletin.to()) + " (revision " + bulletin.revision() + ") "
                            + (there ? "has its " + format + " file in a folder others can write into, a link or another user's, "
                                    + "not mailed from there, which list " + list.name() + " attaches: its mails wait for a rerun of "
                                    + "the period without --out, which writes it into the home's folder,"
                                    : "has no " + format + " file, which list " + list.name() + " attaches: its mails wait for a rerun "
                                    + "of the period that writes it (--formats pdf,xlsx),")
                            + " and fail after 6 hours");
                }
            }
        }
    }

    /** Records the bulletin's mails, and warns of a format a list it went to attaches and the revision lacks. */
    private int record(MailedBulletin bulletin, Path out, Consumer<String> log) {
        List<DeliveryStore.Recipient> recipients = bulletin.revision() > 1
                ? store.earlierRecipients(bulletin.product(), bulletin.from(), bulletin.to(), bulletin.revision()) : List.of();
        if (recipients.isEmpty()) {
            // a first publication, or a revision of one mailed before any list took it: the lists of today
            recipients = new ArrayList<>();
            for (Distribution.MailingList list : distribution().lists()) {
                if (list.products().contains(bulletin.product())) {
                    for (Distribution.Recipient r : list.recipients()) {
                        recipients.add(new DeliveryStore.Recipient(list.name(), r.name(), r.email()));
                    }
                }
            }
        }
        Instant now = clock.instant();
        List<DeliveryStore.Recipient> to = recipients;
        // all of a bulletin's recipients or none: the pass that records a correction left unrecorded looks for a
        // revision with no row at all, so a process killed after the first recipient's row would lose the others'
        Integer recorded = transaction.execute(status -> {
            int n = 0;
            for (DeliveryStore.Recipient r : to) {
                if (store.record(r, bulletin.product(), bulletin.from(), bulletin.to(), bulletin.revision(), 0,
                        out.toAbsolutePath().toString(), String.join("\n", bulletin.changes()), messageId(r, bulletin.product(), bulletin.from(), bulletin.revision(), 0), now)) {
                    n++;
                }
            }
            return n;
        });
        if (recorded != null && recorded > 0) {
            warnOfMissingFormats(bulletin, out, to.stream().map(DeliveryStore.Recipient::list).collect(java.util.stream.Collectors.toSet()), log);
        }
        return recorded == null ? 0 : recorded;
    }

    /**
     * Bulletins a killed process published and did not record for mail (D's daily, a correction) are recorded by
     * whichever process passes next (the next nightly, `deliver`, serve's retry every few minutes): before the
     * bulletins a pass records itself, so that an older correction is sent before a newer one and with its own
     * list of changes. Never throws: a failure here must not keep the due mails from going.
     */
    private void recordUnrecorded(List<MailedBulletin> ownRevisions, Consumer<String> log) {
        try {
            int caughtUp = 0;
            for (DeliveryStore.UnrecordedRevision u : store.unrecordedRevisions(clock.instant())) {
                if (!recordedByThisPass(u.bulletin(), ownRevisions)) {
                    caughtUp += record(u.bulletin(), u.outFolder(), log);
                }
            }
            if (caughtUp > 0) {
                log.accept(caughtUp + " mails of bulletins published earlier without their mail recorded (no distribution list then, or a process stopped in between): to send");
            }
        } catch (RuntimeException e) {
            log.accept("warning: bulletins published without their mail not recorded now, tried again at the next pass: " + e.getMessage());
        }
    }

    /**
     * The revisions this pass's own process published are recorded by it, as its own, right after; but a correction
     * it only rendered again (same figures, no changes of its own to list) is the killed process's, recorded here with
     * the changes it was published with.
     */
    private static boolean recordedByThisPass(MailedBulletin unrecorded, List<MailedBulletin> ownRevisions) {
        return ownRevisions.stream().anyMatch(own -> own.sameRevision(unrecorded)
                && (own.revision() == 1 || !own.changes().isEmpty()));
    }

    /** Sends every due mail once; a warning line for mails given up. */
    public Pass sendDue(Consumer<String> log) {
        recordUnrecorded(List.of(), log);
        return sendRecorded(log);
    }

    /** Sends every due mail once, after the caller recorded what it had to (the corrections left unrecorded too). */
    private Pass sendRecorded(Consumer<String> log) {
        if (relay.relays()) {
            store.noteRelay(relay.host(), clock.instant());
        } else {
            Optional<DeliveryStore.RelayOfRecord> home = store.relayOfRecord();
            if (home.isPresent()) {
                return leftForTheRelay(home.get(), log);
            }
        }
        int sent = 0;
        int retrying = 0;
        int waitingForFile = 0;
        int waitingForSender = 0;
        int failed = 0;
        int superseded = 0;
        int untried = 0;
        List<Long> due = store.due(clock.instant());
        for (int i = 0; i < due.size(); i++) {
            long id = due.get(i);
            Attempt attempt = transaction.execute(status -> store.claim(id).map(this::attempt).orElse(Attempt.SKIPPED));
            switch (attempt.outcome()) {
                case SENT -> sent++;
                case RETRYING -> {
                    if (attempt.fileMissing()) {
                        waitingForFile++;
                    } else if (attempt.noSender()) {
                        waitingForSender++;
                    } else {
                        retrying++;
                    }
                }
                case FAILED -> failed++;
                case SUPERSEDED -> superseded++;
                default -> { }
            }
            if (attempt.relayTimedOut()) {
                // a relay that does not answer costs each mail its whole timeout (30 s): 66 recipients kept the night,
                // or serve's pass, half an hour on a hung relay (tester). The rest stay due, untouched, for the next
                // pass, which tries the next of them first; a relay back sends them all in one pass
                untried = due.size() - i - 1;
                break;
            }
        }
        if (sent + retrying + waitingForFile + waitingForSender + failed + superseded > 0) {
            // without a relay a retry is of a .eml that could not be written (its folder full), not of the relay (tester E)
            log.accept("mail: " + sent + (relay.relays() ? " sent" : " written as .eml (no spring.mail.host)")
                    + (retrying > 0 ? ", " + retrying + (relay.relays() ? " waiting for the relay" : " not written yet") + " (retried)" : "")
                    + (waitingForFile > 0 ? ", " + waitingForFile + " waiting for an attachment (retried; ./fraudstats deliveries says which)" : "")
                    // not the relay's fault: an operator read "waiting for the relay" and went to debug one that was up (r38a)
                    + (waitingForSender > 0 ? ", " + waitingForSender + " waiting for a process that reads the distribution file "
                            + "(this one reads none: jobs/distribution.yml or FRAUDSTATS_DISTRIBUTION; retried)" : "")
                    + (failed > 0 ? ", " + failed + " failed" : "")
                    + (superseded > 0 ? ", " + superseded + " not sent: a later revision of the same bulletin is sent or to be sent to the same addresses" : "")
                    + (untried > 0 ? ", " + untried + " left for the next pass (the relay did not answer in time)" : ""));
        }
        warnOfFailed(log);
        return new Pass(sent, retrying, failed);
    }

    /**
     * The demo's: its home writes .eml files when it runs without a relay, whatever an earlier run with one did (a
     * run with one notes it again at its pass).
     */
    public void forgetRelay() {
        store.forgetRelay();
    }

    /**
     * A process without a relay on a home that mails through one sends nothing: the mails due are the whole home's, and
     * written as .eml files and marked sent, leadership's mails waiting for the relay were never mailed (review 32).
     * They stay due for serve's next pass, or a command run with the relay set.
     */
    private Pass leftForTheRelay(DeliveryStore.RelayOfRecord home, Consumer<String> log) {
        int due = store.due(clock.instant()).size();
        if (due > 0) {
            log.accept("mail: " + due + " left for the relay " + home.host() + ", which this home mails through (since "
                    + home.since() + "): this command has no spring.mail.host; serve with the relay sends them at its next pass "
                    + "(within 5 minutes), or run ./fraudstats deliver with SPRING_MAIL_HOST set (a home to write .eml files "
                    + "again instead: README, Mail)");
        }
        warnOfFailed(log);
        return new Pass(0, due, 0);
    }

    /** The line every pass ends with while mails given up are not delivered since (sql/delivery/count-failed.sql). */
    private void warnOfFailed(Consumer<String> log) {
        long allFailed = store.failedCount();
        if (allFailed > 0) {
            log.accept("warning: " + allFailed + " mails failed after 6 hours of retries: ./fraudstats deliveries --failed");
        }
    }

    private enum Outcome { SENT, RETRYING, FAILED, SUPERSEDED, SKIPPED }

    /**
     * How one mail's attempt ended, and whether the relay did not answer in time: then the pass stops, whether this
     * mail is retried or, its 6 hours over (or tried once more by `deliver`), failed.
     */
    private record Attempt(Outcome outcome, boolean relayTimedOut, boolean fileMissing, boolean noSender) {
        static final Attempt SENT = new Attempt(Outcome.SENT, false, false, false);
        static final Attempt SKIPPED = new Attempt(Outcome.SKIPPED, false, false, false);
        static final Attempt SUPERSEDED = new Attempt(Outcome.SUPERSEDED, false, false, false);
    }

    /**
     * A mail's outcome in the auditor's log, in the transaction that marks it: who received which revision's figures,
     * and when, is what an auditor tracing a figure that left early asks first (r44b: no mail left a trace there). Its
     * end only, sent or given up, not each retry.
     */
    private void audited(DeliveryStore.Claimed d, String result) {
        String bulletin = (d.product().equals("daily") ? BulletinKind.DAILY : BulletinKind.RANGE).period(d.from(), d.to()) + " " + d.product()
                + " r" + d.revision() + (d.copy() > 0 ? " copy " + d.copy() : "");
        audit.record(new org.fraudstats.audit.AuditEvent("", "", "", "mail",
                bulletin + " to " + d.name() + " <" + d.email() + "> (" + d.list() + ")", result));
    }

    /** Inside the claiming transaction: send, then mark. */
    private Attempt attempt(DeliveryStore.Claimed d) {
        Instant now = clock.instant();
        if (d.supersededBy() != null) {
            // a later revision was recorded for this recipient: sent now, this one would be the last mail they have
            // about the bulletin, with figures the bulletin no longer says (tester api29)
            store.markSuperseded(d.id(), d.supersededBy());
            audited(d, "not sent: superseded by r" + d.supersededBy());
            return Attempt.SUPERSEDED;
        }
        try {
            MimeMessage message = outgoing.of(d, distribution());
            String where = relay.send(message, OutgoingMail.folder(d), "delivery-" + d.id());
            store.markSent(d.id(), clock.instant());
            audited(d, where.equals("relay") ? "sent" : "sent: written as an .eml file (no relay)");
            return Attempt.SENT;
        } catch (Exception e) {
            // the schedule is the mail's, counted from when it was recorded, not from its attempts: each `deliver`
            // tries at once, and seven of them in five minutes failed the mails "after 6 hours of retries" (tester),
            // or, counted by attempts, put the next automatic one hours away (review)
            Instant next = nextAttempt(d.recordedAt(), now);
            boolean giveUp = next == null;
            String error = MailRelay.failure(e);
            store.markAttemptFailed(d.id(), error.length() > 500 ? error.substring(0, 500) : error, giveUp ? now : next, giveUp);
            if (giveUp) {
                audited(d, "failure: given up after 6 hours: " + error);
            }
            return new Attempt(giveUp ? Outcome.FAILED : Outcome.RETRYING, MailRelay.timedOut(e), e instanceof OutgoingMail.AttachmentMissing,
                    e instanceof OutgoingMail.NoSender);
        }
    }

    /**
     * The first attempt of the schedule after {@code now}: 5, 15, 35, 75, 155 and 315 minutes after the mail was
     * recorded (pauses of 5, 10, 20, 40, 80, 160), and a last one at 6 hours; null once 6 hours have passed.
     */
    static Instant nextAttempt(Instant recordedAt, Instant now) {
        Instant deadline = recordedAt.plus(GIVE_UP_AFTER);
        if (!now.isBefore(deadline)) {
            return null;
        }
        Instant at = recordedAt;
        for (Duration pause = FIRST_PAUSE; ; pause = pause.multipliedBy(2)) {
            at = at.plus(pause);
            if (at.isAfter(now)) {
                return at.isAfter(deadline) ? deadline : at;
            }
        }
    }

    /**
     * `deliver`: sends the pending mails of the bulletin of {@code date} (a weekly or monthly bulletin's date is its
     * last day) now, and tries its failed ones once more; with {@code resend}, records every recipient's mail of its latest revision again as a new copy
     * (its own Message-ID) and sends it, or, of a bulletin no mail was ever recorded for, its latest revision to the
     * lists of today.
     * @return how many of the bulletin's mails were pending (0: nothing to send)
     */
    public int deliver(LocalDate date, String product, boolean resend, Consumer<String> log) {
        LocalDate from = periodFrom(date, product);
        Instant now = clock.instant();
        List<DeliveryStore.Copy> copies = store.latestCopies(product, from, date);
        Optional<DeliveryStore.UnrecordedRevision> latest = resend ? store.latestRevision(product, from, date, home.defaultOut())
                : Optional.empty();
        if (resend && latest.isEmpty()) {
            log.accept("no " + product + " bulletin " + MailedBulletin.layoutPeriod(product, from, date) + " was published");
            return 0;
        }
        boolean unmailedLatest = resend && (copies.isEmpty() || latest.get().bulletin().revision() > copies.get(0).revision());
        if (unmailedLatest) {
            // its latest revision was never recorded for mail: a bulletin published by a rerun (which mails no first
            // publication of an old day) or by a night without a distribution list reached nobody, and no pass mails
            // it later; a correction left unrecorded for over 7 days is not caught up either. The operator asked to
            // send it: recorded as a night records its own, to the lists of today, or a correction to those who had
            // the bulletin (not the superseded revision again, as --resend copied)
            DeliveryStore.UnrecordedRevision revision = latest.get();
            if (attachments.find(product, from, date, revision.bulletin().revision(), revision.outFolder(), "pdf").isEmpty()) {
                Path folder = BulletinAttachments.folderOf(product, from, date, revision.outFolder());
                log.accept("revision " + revision.bulletin().revision() + " is not mailed: its PDF is neither in the home's "
                        + "output folder nor, in a folder nobody else writes into, in " + folder + " (rerun the period to write it)");
                return 0;
            }
            int recorded = record(revision.bulletin(), revision.outFolder(), log);
            log.accept(recorded == 0 ? "no list takes " + product + " bulletins (no distribution file, or none of its lists)"
                    : "revision " + revision.bulletin().revision() + ", never mailed before: " + recorded + " mails to "
                            + (copies.isEmpty() ? "the lists of today" : "those who had the bulletin"));
        }
        if (resend && !unmailedLatest) {
            // every recipient's copy or none, as record() does: a resend killed half way and run again recorded a
            // second copy for those before the kill, and they had it twice (review)
            List<String> resending = transaction.execute(status -> {
                List<String> recorded = new ArrayList<>();
                for (DeliveryStore.Copy c : copies) {
                    if ("pending".equals(c.lastState())) {
                        // not gone yet (the relay refused it, within its 6 hours): it goes now as it is (make-due below);
                        // a copy beside it went too, and the recipient had the bulletin twice (review)
                        recorded.add("sending now to " + c.list() + " " + c.email() + " (its mail had not gone yet)");
                        continue;
                    }
                    DeliveryStore.Recipient r = new DeliveryStore.Recipient(c.list(), c.name(), c.email());
                    if (store.record(r, product, from, date, c.revision(), c.lastCopy() + 1, c.outFolder(), c.changes(),
                            messageId(r, product, from, c.revision(), c.lastCopy() + 1), now)) {
                        recorded.add("resending to " + c.list() + " " + c.email());
                    }
                }
                return recorded;
            });
            if (resending != null) {
                resending.forEach(log);
            }
        }
        // a failed mail is tried once more (its 6 hours are over: once), unless --resend records a copy of it anyway
        int pending = store.makeDue(product, from, date, now, !resend);
        sendDue(log);
        return pending;
    }

    /**
     * Whether any mail of the bulletin of {@code date} was ever recorded: `deliver` said only "nothing to send" of a
     * bulletin a night without a distribution list had published, which no pass mails later (upgrade tester).
     */
    public boolean anyMailRecorded(LocalDate date, String product) {
        return !store.latestCopies(product, periodFrom(date, product), date).isEmpty();
    }

    /** Whether any revision of the bulletin of {@code date} was published. */
    public boolean published(LocalDate date, String product) {
        return store.latestRevision(product, periodFrom(date, product), date, home.defaultOut()).isPresent();
    }

    private static LocalDate periodFrom(LocalDate date, String product) {
        return switch (product) {
            case "weekly" -> date.minusDays(6);
            case "monthly" -> date.withDayOfMonth(1);
            default -> date;
        };
    }

    /** The distribution file the setting names, when this process last found it missing: nothing is mailed meanwhile. */
    public Optional<String> missingDistributionFile() {
        return distributionFile.missingFile();
    }

    /** The mails of bulletins ending in [from, to] given up, or still retried after a refusal, newest bulletin first. */
    public List<Row> undelivered(LocalDate from, LocalDate to) {
        return store.undelivered(from, to);
    }

    /** `deliveries`: the mails of bulletins whose period ends in [from, to]. */
    public List<Row> list(LocalDate from, LocalDate to, boolean failedOnly) {
        return store.list(from, to, failedOnly);
    }

    private Distribution distribution() {
        Distribution d = distribution;
        if (d == null) {
            d = distributionFile.read();
            distribution = d;
        }
        return d;
    }

    static String messageId(DeliveryStore.Recipient r, String product, LocalDate from, int revision, int copy) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest((r.list() + "\n" + r.email().toLowerCase(java.util.Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8));
            return "<" + product + "." + from + ".r" + revision + "." + copy + "." + HexFormat.of().formatHex(key, 0, 8) + "@fraudstats>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
