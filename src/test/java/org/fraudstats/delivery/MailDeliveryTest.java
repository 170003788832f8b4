package org.fraudstats.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.fraudstats.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mails of delivery.md, received by a real SMTP server in this JVM (GreenMail) from the nightly pipeline on
 * a real PostgreSQL: one per recipient and bulletin, never twice, a revision to the original's recipients, the
 * relay's outages retried, the files attached as they are on disk, and no account number anywhere.
 */
@Import(MailDeliveryTest.Beans.class)
class MailDeliveryTest extends DatabaseTest {

    private static final int SMTP_PORT = freePort();
    private static final Path DISTRIBUTION = temporaryFile();
    // split so that no full account-like number is written in the source; a test pattern, not a real card
    private static final String ACCOUNT = "6222" + "0000" + "1111" + "9876";
    private static final Instant START = Instant.parse("2022-10-25T01:00:00Z");

    private static final String THREE_RECIPIENTS = """
            from: "反诈中心数据专班 <stats@example.gov.cn>"
            allowed_domains: [example.gov.cn]
            max_attachment_mb: 10
            lists:
              leadership:
                products: [daily, weekly, monthly]
                attach: [pdf]
                recipients:
                  - {name: 张三, email: zhangsan@example.gov.cn}
                  - {name: 赵六, email: zhaoliu@example.gov.cn}
              statisticians:
                products: [daily]
                attach: [pdf, xlsx]
                recipients:
                  - {name: 李四, email: lisi@example.gov.cn}
              press:
                products: [weekly]
                attach: [pdf]
                recipients:
                  - {name: 钱七, email: qianqi@example.gov.cn}
            """;

    @RegisterExtension
    static GreenMailExtension relay = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    /** Not a @TestConfiguration: a stereotype would let other tests' component scans pick it up. */
    static class Beans {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(START, 1);
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        // GreenMail's SMTP offers no STARTTLS, which the shipped settings require (MailRelayTest)
        registry.add("spring.mail.properties.mail.smtp.starttls.required", () -> false);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> 5000);
        registry.add("fraudstats.distribution", DISTRIBUTION::toString);
        registry.add("fraudstats.portal-url", () -> "https://stats.example.gov.cn");
    }

    @Autowired
    TestClock clock;

    @Autowired
    Deliveries deliveries;

    @Autowired
    org.fraudstats.nightly.NightlyPipeline pipeline;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path inbox;

    @TempDir
    Path out;

    Drops drops;

    @BeforeEach
    void cleanSlate() throws IOException {
        forgetEverything();
        jdbc.execute("TRUNCATE delivery, bulletin_revision");
        Files.writeString(DISTRIBUTION, THREE_RECIPIENTS);
        clock.set(START);
        drops = new Drops(inbox);
        drops.write("2022-10-23", "cases.csv", Drops.CASES
                + "C1,2022-10-23T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "C2,2022-10-23T10:00:00+08:00,440605,,OTHER,300.00,\n");
        drops.write("2022-10-24", "cases.csv", Drops.CASES + "C3,2022-10-24T09:00:00+08:00,440604,,OTHER,100.00,\n");
        drops.write("2022-10-24", "freezes.csv", Drops.FREEZES
                + "F1,C3,STOP_PAYMENT,工商银行," + ACCOUNT + ",1278747.65,2022-10-24T10:00:00+08:00\n");
    }

    @Test
    void oneMailPerRecipientAndBulletin_andASecondRunSendsNothingMore() throws Exception {
        long auditedBefore = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
        assertThat(night("2022-10-24").exitCode()).isZero();
        // the publication and each mail are in the auditor's log (r44b: when a figure was published, and to whom it
        // went, could not be told there)
        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, action, object, result) FROM audit_event WHERE id > ? "
                + "AND action IN ('publish', 'mail') ORDER BY id", String.class, auditedBefore))
                .anyMatch(row -> row.matches("\\|publish\\|2022-10-24 daily r1\\|success: job execution \\d+"))
                .filteredOn(row -> row.startsWith("|mail|")).containsExactlyInAnyOrder(
                        "|mail|2022-10-24 daily r1 to 张三 <zhangsan@example.gov.cn> (leadership)|sent",
                        "|mail|2022-10-24 daily r1 to 赵六 <zhaoliu@example.gov.cn> (leadership)|sent",
                        "|mail|2022-10-24 daily r1 to 李四 <lisi@example.gov.cn> (statisticians)|sent");

        List<MimeMessage> mails = mailsWithSubject("【反诈日报】2022年10月24日（第297期）");
        assertThat(mails).extracting(MailDeliveryTest::to)
                .containsExactlyInAnyOrder("lisi@example.gov.cn", "zhangsan@example.gov.cn", "zhaoliu@example.gov.cn");
        MimeMessage toZhang = mails.stream().filter(m -> to(m).startsWith("zhangsan")).findFirst().orElseThrow();
        assertThat(((InternetAddress) toZhang.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal()).isEqualTo("张三");
        assertThat(((InternetAddress) toZhang.getFrom()[0]).getPersonal()).isEqualTo("反诈中心数据专班");
        assertThat(toZhang.getMessageID()).matches("<daily\\.2022-10-24\\.r1\\.0\\.[0-9a-f]{16}@fraudstats>");
        String text = text(toZhang);
        assertThat(text).contains("佛山市电信网络诈骗警情日报，统计日期：2022年10月24日。\n数据截至：2022年10月24日24时（北京时间）。\n"
                        // the history starts the day before: one day of data, too few to judge by
                        + "\n异常提示：近28日中有数据的仅1日，未作判断。\n\n全市主要数字（同比 / 环比）：\n")
                .contains("- 电诈警情 1宗（同比—（基期无记录），环比-50.0%）\n")
                // each under its name in metrics.md, as the bulletin's tables (r43a: 止付涉诈账户, 资金返还 N宗，X元)
                .contains("- 止付账户 1个（同比—（基期无记录），环比—（基期为0））\n")
                // as the PDF writes it: leadership compares the two
                .contains("- 止付金额 1,278,747.65元（同比—（基期无记录），环比—（基期为0））\n")
                // what the changes compare with, as the PDF says under its table
                .contains("）\n同比基期：2021年10月24日；环比基期：2022年10月23日。\n")
                .contains("10月23日至24日，全市共处置电诈警情3宗，") // the records begin on the 23rd: not "2022年以来"
                // marked as the bulletin it carries (r43a)
                .endsWith("门户页面：https://stats.example.gov.cn/bulletins/2022-10-24/daily?revision=1\n内部资料 注意保密\n")
                .doesNotContain("更正");
        assertThat(html(toZhang)).contains("<li>电诈警情 1宗（同比—（基期无记录），环比-50.0%）</li>")
                .startsWith("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" "
                        + "content=\"width=device-width, initial-scale=1\"><title>【反诈日报】2022年10月24日（第297期）</title>");
        // the portal's address is a link a reader taps; the date is Beijing's, as every time the centre reads
        assertThat(html(toZhang)).contains("<p>门户页面：<a href=\"https://stats.example.gov.cn/bulletins/2022-10-24/daily?revision=1\">"
                + "https://stats.example.gov.cn/bulletins/2022-10-24/daily?revision=1</a></p>");
        assertThat(toZhang.getHeader("Date")[0]).endsWith(" +0800 (CST)");

        // the files attached are the files on disk, byte for byte, named as on disk
        Path folder = out.resolve("daily/2022-10-24");
        assertThat(attachments(toZhang)).containsOnlyKeys("fraudstats-daily-2022-10-24.pdf");
        assertThat(attachments(toZhang).get("fraudstats-daily-2022-10-24.pdf")).isEqualTo(Files.readAllBytes(folder.resolve("fraudstats-daily-2022-10-24.pdf")));
        MimeMessage toLi = mails.stream().filter(m -> to(m).startsWith("lisi")).findFirst().orElseThrow();
        assertThat(attachments(toLi)).containsOnlyKeys("fraudstats-daily-2022-10-24.pdf", "fraudstats-daily-2022-10-24.xlsx");
        assertThat(attachments(toLi).get("fraudstats-daily-2022-10-24.xlsx")).isEqualTo(Files.readAllBytes(folder.resolve("fraudstats-daily-2022-10-24.xlsx")));
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        toLi.writeTo(raw);
        assertThat(raw.toString(StandardCharsets.US_ASCII)).contains("Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; \r\n\tname=fraudstats-daily-2022-10-24.xlsx")
                .contains("Content-Type: application/pdf; name=fraudstats-daily-2022-10-24.pdf");

        int before = relay.getReceivedMessages().length;
        Run again = night("2022-10-24");
        assertThat(again.exitCode()).isZero();
        assertThat(relay.getReceivedMessages()).hasSize(before);

        Run listed = cli("deliveries", "--from", "2022-10-24", "--to", "2022-10-24");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out().lines().toList()).hasSize(4)
                .first().isEqualTo("date,kind,revision,list,recipient,state,attempts,sent_at,message_id,error");
        assertThat(listed.out()).contains("\n2022-10-24,daily,1,leadership,zhangsan@example.gov.cn,sent,1,")
                .contains("\n2022-10-24,daily,1,statisticians,lisi@example.gov.cn,sent,1,");
        assertNoAccountNumberInAnyMail();
    }

    @Test
    void anImprobableDayOpensTheMailAndTheBulletin_withItsFigureAndBaseline() throws Exception {
        // 禅城区 and 南海区: 2 cases a day over the 28 days before the 24th (λ = 2), and 40 more for 禅城区 on the
        // day before that window, which must not count; on the 24th 禅城区 has 9 (P(X ≥ 9) = 0.00024, flagged),
        // 南海区 8 (P(X ≥ 8) = 0.0011, just not), 顺德区 4 after none (never: fewer than 5)
        StringBuilder baseline = new StringBuilder(Drops.CASES);
        int id = 100;
        for (int back = 1; back <= 28; back++) {
            for (String district : List.of("440604", "440604", "440605", "440605")) {
                baseline.append(caseLine(id++, LocalDate.of(2022, 10, 24).minusDays(back), district));
            }
        }
        for (int i = 0; i < 40; i++) {
            baseline.append(caseLine(id++, LocalDate.of(2022, 9, 25), "440604"));
        }
        StringBuilder day = new StringBuilder(Drops.CASES).append("C3,2022-10-24T09:00:00+08:00,440604,,OTHER,100.00,\n");
        for (String district : List.of("440604", "440604", "440604", "440604", "440604", "440604", "440604", "440604",
                "440605", "440605", "440605", "440605", "440605", "440605", "440605", "440605", "440606", "440606", "440606", "440606")) {
            day.append(caseLine(id++, LocalDate.of(2022, 10, 24), district));
        }
        drops.write("2022-10-23", "cases.csv", baseline.toString()).write("2022-10-24", "cases.csv", day.toString());

        Run night = night("2022-10-24");
        assertThat(night.exitCode()).as(night.err()).isZero();

        String sentence = "禅城区警情9宗，为近28日日均2.0宗的4.5倍。";
        MimeMessage mail = mailsWithSubject("【反诈日报】2022年10月24日（第297期）").get(0);
        assertThat(text(mail)).contains("（北京时间）。\n\n异常提示：" + sentence + "\n\n全市主要数字").doesNotContain("南海区警情", "顺德区警情");
        assertThat(html(mail)).contains("<p>异常提示：" + sentence + "</p>");
        String pdf;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(
                out.resolve("daily/2022-10-24/fraudstats-daily-2022-10-24.pdf").toFile())) {
            pdf = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
        assertThat(pdf).contains("异常提示：" + sentence).doesNotContain("南海区警情", "顺德区警情");
        assertThat(pdf.indexOf("异常提示")).isLessThan(pdf.indexOf("10月24日，全市共处置电诈警情"));
    }

    @Test
    void aBaselineDayWhoseDataNeverCameIsNotAZeroOfTheMean() throws Exception {
        // 禅城区: 2 cases a day from 28 September to 24 October (27 days); the 25th's drop never comes; on the 26th,
        // 9. Counting the 25th as 0 cases gave λ = 54 / 28 = 1.93 (近28日日均1.9宗的4.7倍, and 8 would have alarmed:
        // P = 0.00087); it is 54 / 27 = 2.0
        StringBuilder baseline = new StringBuilder(Drops.CASES);
        int id = 100;
        for (LocalDate d = LocalDate.of(2022, 9, 28); d.isBefore(LocalDate.of(2022, 10, 24)); d = d.plusDays(1)) {
            baseline.append(caseLine(id++, d, "440604")).append(caseLine(id++, d, "440604"));
        }
        drops.write("2022-10-23", "cases.csv", baseline.toString());
        drops.write("2022-10-24", "cases.csv", Drops.CASES + "C3,2022-10-24T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + caseLine(id++, LocalDate.of(2022, 10, 24), "440604"));
        assertThat(night("2022-10-24").exitCode()).isZero();
        clock.set(Instant.parse("2022-10-26T01:00:00Z"));
        assertThat(night("2022-10-25").exitCode()).isEqualTo(1);
        StringBuilder day = new StringBuilder(Drops.CASES);
        for (int i = 0; i < 9; i++) {
            day.append(caseLine(id++, LocalDate.of(2022, 10, 26), "440604"));
        }
        // late records of the 25th, whose own drop still has not come: not in the mean either (review; 57 / 27 = 2.1)
        for (int i = 0; i < 3; i++) {
            day.append(caseLine(id++, LocalDate.of(2022, 10, 25), "440604"));
        }
        drops.write("2022-10-26", "cases.csv", day.toString());
        clock.set(Instant.parse("2022-10-27T01:00:00Z"));
        Run night26 = night("2022-10-26");
        assertThat(night26.exitCode()).as(night26.err()).isZero();

        String sentence = "禅城区警情9宗，为近28日中有数据的27日日均2.0宗的4.5倍。";
        assertThat(text(mailsWithSubject("【反诈日报】2022年10月26日（第299期）").get(0))).contains("异常提示：" + sentence + "\n");
        assertThat(pdfText(out.resolve("daily/2022-10-26/fraudstats-daily-2022-10-26.pdf")).replaceAll("\\s+", ""))
                .contains("异常提示：" + sentence);
    }

    /** The night of the 24th publishes with the relay down, and a pass runs every 5 minutes for seven hours. */
    /**
     * A command run without spring.mail.host (a statistician's rerun from a shell the relay is not set in) on a home
     * that mails through a relay sends nothing: it wrote leadership's mails waiting for the relay as .eml files and
     * marked them sent (review 32).
     */
    @Test
    void aProcessWithoutARelayLeavesTheMailsDueForTheRelay() throws Exception {
        relay.stop();
        assertThat(night("2022-10-24").out()).contains("mail: 0 sent, 3 waiting for the relay (retried)");
        assertThat(jdbc.queryForObject("SELECT host FROM mail_relay", String.class)).isEqualTo("127.0.0.1");
        Deliveries withoutRelay = new Deliveries(context.getBean(DistributionFile.class), context.getBean(DeliveryStore.class),
                context.getBean(OutgoingMail.class), context.getBean(BulletinAttachments.class),
                new MailRelay(new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(org.springframework.mail.javamail.JavaMailSender.class)),
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class), clock,
                context.getBean(org.fraudstats.storage.FraudstatsHome.class), context.getBean(org.fraudstats.audit.AuditTrail.class));
        clock.set(START.plus(Duration.ofMinutes(6)));
        java.util.List<String> said = new java.util.ArrayList<>();
        assertThat(withoutRelay.sendDue(said::add).sent()).isZero();
        assertThat(said).hasSize(1);
        assertThat(said.get(0)).startsWith("mail: 3 left for the relay 127.0.0.1, which this home mails through (since 2022-10-25T09:0")
                .endsWith("this command has no spring.mail.host; serve with the relay sends them at its next pass (within 5 minutes), "
                        + "or run ./fraudstats deliver with SPRING_MAIL_HOST set (a home to write .eml files again instead: README, Mail)");
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || attempts FROM delivery", String.class)).containsExactly("pending 1");
        try (java.util.stream.Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(f -> f.toString().endsWith(".eml")).toList()).isEmpty();
        }
        relay.start();
        assertThat(deliveries.sendDue(line -> { }).sent()).isEqualTo(3);
        assertThat(relay.getReceivedMessages()).hasSize(3);
    }

    /**
     * A recipient whose mail of a bulletin failed (their mailbox refusing it for 6 hours) was meant to have it: its
     * correction goes to them too. It went only to those whose mail had not failed, so they never had the bulletin, and
     * neither `deliver` nor `deliver --resend` reached them again (review 32).
     */
    @Test
    void aCorrectionReachesARecipientWhoseMailOfTheBulletinFailed() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        // as if the relay had refused lisi's mailbox for 6 hours
        jdbc.update("UPDATE delivery SET state = 'failed', sent_at = NULL, attempts = 8 WHERE recipient_email = 'lisi@example.gov.cn'");
        relay.purgeEmailFromAllMailboxes();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C4,2022-10-24T20:00:00+08:00,440605,,OTHER,50.00,\n");
        clock.set(START.plus(Duration.ofDays(1)));
        Run night = night("2022-10-25");
        assertThat(night.out()).contains("2022-10-24  revised to r2");
        assertThat(jdbc.queryForList("SELECT recipient_email || ' ' || state FROM delivery WHERE revision = 2 AND date_from = '2022-10-24' "
                + "ORDER BY recipient_email", String.class)).containsExactly("lisi@example.gov.cn sent", "zhangsan@example.gov.cn sent",
                "zhaoliu@example.gov.cn sent");
        String toLisi = null;
        for (MimeMessage m : relay.getReceivedMessages()) {
            if (to(m).startsWith("lisi") && text(m).startsWith("更正（第2版）")) {
                toLisi = text(m);
            }
        }
        assertThat(toLisi).contains("本版更正了以下数字（相对于第1版；此前各版未曾邮件发送给您，可在门户页面查看）：");
        // had since: no night warns of the failed one any more
        assertThat(night.err()).doesNotContain("mails failed");
    }

    /**
     * A week whose schedule failed is recovered by `rerun --range` (the README, /runs): its 周报 is mailed as the schedule
     * would have mailed it. A rerun mails no first publication, so it reached no one, said nowhere (review 32). Another
     * week's first publication by a rerun is still not mailed.
     */
    @Test
    void aWeekWhoseScheduleFailedIsMailedWhenARerunRendersIt() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        relay.purgeEmailFromAllMailboxes();
        jdbc.update("INSERT INTO schedule_run (schedule, business_day, period_to, status, started_at, finished_at, instance) VALUES "
                + "('weekly', '2022-10-17', '2022-10-23', 'FAILED', now(), now(), 'node')");
        // a night that failed on the Monday of the other week below: no week failed there (review 32d)
        jdbc.update("INSERT INTO schedule_run (schedule, business_day, period_to, status, started_at, finished_at, instance) VALUES "
                + "('nightly', '2022-10-10', '2022-10-10', 'FAILED', now(), now(), 'node')");
        Run week = cli("rerun", "--from", "2022-10-17", "--to", "2022-10-23", "--range", "--formats", "pdf", "--out", out.toString());
        assertThat(week.exitCode()).as(week.err()).isZero();
        assertThat(week.out()).contains("3 mails to send").contains("mail: 3 sent");
        // the lists taking weekly: leadership's (not lisi, who takes daily) and the press office
        assertThat(java.util.Arrays.stream(relay.getReceivedMessages()).map(MailDeliveryTest::to))
                .containsExactlyInAnyOrder("zhangsan@example.gov.cn", "zhaoliu@example.gov.cn", "qianqi@example.gov.cn");
        assertThat(relay.getReceivedMessages()[0].getSubject()).startsWith("【反诈周报】");
        Run other = cli("rerun", "--from", "2022-10-10", "--to", "2022-10-16", "--range", "--formats", "pdf", "--out", out.toString());
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(other.out()).doesNotContain("mails to send");
        assertThat(relay.getReceivedMessages()).hasSize(3);
    }

    /**
     * An address is one whatever its letter case: rewritten in distribution.yml between two runs of a night, it was a
     * new recipient, mailed the same bulletin twice, and every correction after under both spellings (review 32).
     */
    @Test
    void anAddressRewrittenInOtherLettersIsStillOneRecipient() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        assertThat(relay.getReceivedMessages()).hasSize(3);
        Files.writeString(DISTRIBUTION, THREE_RECIPIENTS.replace("zhangsan@example.gov.cn", "ZhangSan@Example.gov.cn"));
        Run again = night("2022-10-24");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).doesNotContain("mails to send");
        assertThat(relay.getReceivedMessages()).hasSize(3);

        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C4,2022-10-24T20:00:00+08:00,440605,,OTHER,50.00,\n");
        clock.set(START.plus(Duration.ofDays(1)));
        assertThat(night("2022-10-25").out()).contains("2022-10-24  revised to r2");
        assertThat(jdbc.queryForList("SELECT recipient_email FROM delivery WHERE date_from = '2022-10-24' AND revision = 2 "
                + "ORDER BY recipient_email", String.class)).containsExactly("lisi@example.gov.cn", "zhangsan@example.gov.cn",
                "zhaoliu@example.gov.cn");
        // two spellings recorded before the rule (as an earlier version did) are one mailbox for a resend too (review 32c)
        jdbc.update("INSERT INTO delivery (list_name, recipient_name, recipient_email, product, date_from, date_to, revision, copy, "
                + "out_folder, message_id, recorded_at, next_attempt_at, state) SELECT list_name, recipient_name, 'ZhangSan@Example.gov.cn', "
                + "product, date_from, date_to, revision, 1, out_folder, message_id || '.legacy', recorded_at, next_attempt_at, state "
                + "FROM delivery WHERE date_from = '2022-10-24' AND revision = 2 AND recipient_email = 'zhangsan@example.gov.cn'");
        long toZhangBefore = java.util.Arrays.stream(relay.getReceivedMessages()).filter(m -> to(m).equalsIgnoreCase("zhangsan@example.gov.cn")).count();
        int before = relay.getReceivedMessages().length;
        assertThat(cli("deliver", "--date", "2022-10-24", "--resend").exitCode()).isZero();
        assertThat(relay.getReceivedMessages()).hasSize(before + 3);
        assertThat(java.util.Arrays.stream(relay.getReceivedMessages()).filter(m -> to(m).equalsIgnoreCase("zhangsan@example.gov.cn")).count())
                .isEqualTo(toZhangBefore + 1);
    }

    private void publishWithTheRelayDownForSevenHours() {
        relay.stop();
        assertThat(night("2022-10-24").exitCode()).isZero();
        for (int minutes = 5; minutes <= 7 * 60; minutes += 5) {
            clock.set(START.plus(Duration.ofMinutes(minutes)));
            deliveries.sendDue(line -> { });
        }
    }

    private static String caseLine(int id, LocalDate day, String district) {
        return "U" + id + "," + day + "T11:00:00+08:00," + district + ",,OTHER,10.00,\n";
    }

    @Test
    void aRevisionReachesExactlyTheRecipientsOfTheOriginal_asACorrection() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        // a new leader joins the list after the 24th went out, and a case of the 24th arrives late
        Files.writeString(DISTRIBUTION, THREE_RECIPIENTS.replace("      - {name: 赵六, email: zhaoliu@example.gov.cn}\n",
                "      - {name: 赵六, email: zhaoliu@example.gov.cn}\n      - {name: 王五, email: wangwu@example.gov.cn}\n"));
        drops.write("2022-10-25", "cases.csv", Drops.CASES
                + "C4,2022-10-24T20:00:00+08:00,440605,,OTHER,50.00,\n"
                + "C5,2022-10-25T09:00:00+08:00,440604,,OTHER,10.00,\n");
        // the 25th's night comes once the 25th is over
        clock.set(START.plus(Duration.ofDays(1)));
        Run late = night("2022-10-25");
        assertThat(late.exitCode()).as(late.err()).isZero();

        List<MimeMessage> corrections = mailsWithSubject("【反诈日报·更正】2022年10月24日（第297期，第2版）");
        assertThat(corrections).extracting(MailDeliveryTest::to)
                .containsExactlyInAnyOrder("lisi@example.gov.cn", "zhangsan@example.gov.cn", "zhaoliu@example.gov.cn");
        String text = text(corrections.get(0));
        assertThat(text).startsWith("更正（第2版）：佛山市电信网络诈骗警情日报，统计日期：2022年10月24日。")
                .contains("本版更正了以下数字：\n- ")
                .contains("- 佛山市 电诈警情 1 → 2\n")
                // why, below the changed figures and not as one of them
                .contains("\n更正原因：2022-10-24 的数据有更新（迟报、更正或修复）\n").doesNotContain("- 更正原因")
                .contains("?revision=2");
        assertThat(attachments(corrections.get(0))).containsKey(corrections.get(0).getAllRecipients()[0].toString().startsWith("lisi")
                ? "fraudstats-daily-2022-10-24.r2.xlsx" : "fraudstats-daily-2022-10-24.r2.pdf");
        // the 25th's own bulletin goes to the list as it is now
        assertThat(mailsWithSubject("【反诈日报】2022年10月25日（第298期）")).extracting(MailDeliveryTest::to)
                .containsExactlyInAnyOrder("lisi@example.gov.cn", "zhangsan@example.gov.cn", "zhaoliu@example.gov.cn", "wangwu@example.gov.cn");
        assertThat(mailsWithSubject("【反诈日报】2022年10月24日（第297期）")).hasSize(3);
        assertNoAccountNumberInAnyMail();
    }

    /**
     * A correction still waiting for the relay when a later one was recorded is not sent after it: 第2版 went out after
     * 第3版 and 第4版, and the last mail a leader had about the day said figures the bulletin no longer said (tester
     * api29).
     */
    @Test
    void aCorrectionStillWaitingWhenALaterOneIsRecordedIsNotSentAfterIt() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        relay.stop();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C4,2022-10-24T20:00:00+08:00,440605,,OTHER,50.00,\n");
        clock.set(START.plus(Duration.ofDays(1)));
        assertThat(night("2022-10-25").out()).contains("2022-10-24  revised to r2");
        relay.start();
        drops.write("2022-10-26", "cases.csv", Drops.CASES + "C5,2022-10-24T21:00:00+08:00,440605,,OTHER,70.00,\n");
        clock.set(START.plus(Duration.ofDays(2)));
        Run next = night("2022-10-26");

        assertThat(next.out()).contains("2022-10-24  revised to r3")
                .containsPattern("mail: \\d+ sent, 3 not sent: a later revision of the same bulletin is sent or to be sent to the same addresses\n");
        assertThat(mailsWithSubject("【反诈日报·更正】2022年10月24日（第297期，第3版）")).hasSize(3);
        assertThat(mailsWithSubject("【反诈日报·更正】2022年10月24日（第297期，第2版）")).isEmpty();
        // its changes start from 第2版, which its readers never had by mail: said so
        assertThat(text(mailsWithSubject("【反诈日报·更正】2022年10月24日（第297期，第3版）").get(0)))
                .contains("本版更正了以下数字（相对于第2版；您邮件收到的最近一版是第1版，其后各版可在门户页面查看）：\n- ");
        deliveries.sendDue(line -> { });
        assertThat(mailsWithSubject("【反诈日报·更正】2022年10月24日（第297期，第2版）")).isEmpty();
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || last_error FROM delivery WHERE date_from = DATE '2022-10-24' "
                + "AND revision = 2", String.class)).containsExactly("superseded superseded by revision 3, sent or to be sent to the same address: not sent");
        assertThat(cli("deliveries", "--from", "2022-10-24", "--to", "2022-10-24").out()).contains(",2,leadership,zhangsan@example.gov.cn,superseded,");
    }

    @Test
    void aRelayDownForAWhileIsRetriedWithGrowingPausesAndSendsOnce() throws Exception {
        relay.stop();
        Run night = night("2022-10-24");
        assertThat(night.exitCode()).isZero();
        assertThat(night.out()).contains("2022-10-24  bulletin r1: ").contains("mail: 0 sent, 3 waiting for the relay (retried)");
        assertThat(Files.exists(out.resolve("daily/2022-10-24/fraudstats-daily-2022-10-24.pdf"))).isTrue();
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || attempts FROM delivery", String.class)).containsExactly("pending 1");

        // a pass before the first pause (5 minutes) is over sends nothing and counts no attempt
        relay.start();
        clock.set(START.plus(Duration.ofMinutes(4)));
        assertThat(deliveries.sendDue(line -> { }).sent()).isZero();
        relay.stop();
        clock.set(START.plus(Duration.ofMinutes(6)));
        assertThat(deliveries.sendDue(line -> { }).retrying()).isEqualTo(3);
        // the second pause is twice the first, counted from when the mail was recorded: tried at 6 minutes, next at 15
        assertThat(jdbc.queryForObject("SELECT DISTINCT to_char(next_attempt_at - timestamptz '2022-10-25 01:00:00+00', 'HH24:MI') FROM delivery", String.class))
                .isEqualTo("00:15");

        relay.start();
        clock.set(START.plus(Duration.ofMinutes(17)));
        assertThat(deliveries.sendDue(line -> { }).sent()).isEqualTo(3);
        assertThat(deliveries.sendDue(line -> { }).sent()).isZero();
        assertThat(relay.getReceivedMessages()).hasSize(3);
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || attempts FROM delivery", String.class)).containsExactly("sent 3");
    }

    @Test
    void aRelayThatDoesNotAnswerCostsAPassOneTimeout_theOtherMailsWaitUntriedForTheNext() throws Exception {
        relay.stop();
        try (HungRelay hung = new HungRelay()) {
            Run night = night("2022-10-24");
            assertThat(night.exitCode()).isZero();
            assertThat(night.out()).contains("2022-10-24  bulletin r1: ")
                    .contains("mail: 0 sent, 1 waiting for the relay (retried), 2 left for the next pass (the relay did not answer in time)");
            assertThat(jdbc.queryForList("SELECT attempts FROM delivery ORDER BY id", Integer.class)).containsExactly(1, 0, 0);
            assertThat(jdbc.queryForObject("SELECT last_error FROM delivery WHERE attempts = 1", String.class)).contains("timed out");

            // the next pass tries the next mail first, not the one whose pause is not over
            clock.set(START.plus(Duration.ofMinutes(1)));
            assertThat(deliveries.sendDue(line -> { })).isEqualTo(new Deliveries.Pass(0, 1, 0));
            assertThat(jdbc.queryForList("SELECT attempts FROM delivery ORDER BY id", Integer.class)).containsExactly(1, 1, 0);
            // at 6 minutes the first two are due again, but the third has waited longer: it goes first
            clock.set(START.plus(Duration.ofMinutes(6)));
            assertThat(deliveries.sendDue(line -> { })).isEqualTo(new Deliveries.Pass(0, 1, 0));
            assertThat(jdbc.queryForList("SELECT attempts FROM delivery ORDER BY id", Integer.class)).containsExactly(1, 1, 1);
        }
        // the relay back: one pass sends every mail whose time has come, the others at theirs
        awaitPortFree();
        relay.start();
        clock.set(START.plus(Duration.ofMinutes(7)));
        assertThat(deliveries.sendDue(line -> { }).sent()).isEqualTo(2);
        clock.set(START.plus(Duration.ofMinutes(16)));
        assertThat(deliveries.sendDue(line -> { }).sent()).isEqualTo(1);
        assertThat(relay.getReceivedMessages()).hasSize(3);
        assertThat(jdbc.queryForList("SELECT state || ' ' || attempts FROM delivery ORDER BY id", String.class))
                .containsExactly("sent 2", "sent 2", "sent 2");
    }

    @Test
    void deliverOnAHungRelayCostsOneTimeoutToo_whenItTriesFailedMailsOnceMore() throws Exception {
        publishWithTheRelayDownForSevenHours();
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || attempts FROM delivery", String.class)).containsExactly("failed 8");
        try (HungRelay hung = new HungRelay()) {
            // each of these attempts gives the mail up (its 6 hours are over): it stopped no pass, one timeout per mail
            Run deliver = cli("deliver", "--date", "2022-10-24");
            assertThat(deliver.out()).contains("mail: 0 sent, 1 failed, 2 left for the next pass (the relay did not answer in time)");
        }
        assertThat(jdbc.queryForList("SELECT attempts FROM delivery ORDER BY attempts", Integer.class)).containsExactly(8, 8, 9);
    }

    /** The relay's port accepts connections and never answers: a hung relay, or a firewall dropping its packets. */
    /**
     * The hung relay's port, free again before GreenMail binds it: the connections it held close as it closes, and a
     * CI run beside a demo on the same 2 cores saw GreenMail's bind refused ("Address already in use") once.
     */
    private static void awaitPortFree() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), SMTP_PORT));
                return;
            } catch (IOException inUse) {
                Thread.sleep(100);
            }
        }
    }

    private static final class HungRelay implements AutoCloseable {
        private final ServerSocket socket;
        private final List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();

        HungRelay() throws IOException {
            socket = new ServerSocket(SMTP_PORT, 50, java.net.InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // closed by the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (java.net.Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aMailSentLateSaysTheFiguresOfTheRevisionItCarries_notThoseOfRecordsLoadedSince(@org.junit.jupiter.api.io.TempDir Path manual) throws Exception {
        relay.stop();
        assertThat(night("2022-10-24").exitCode()).isZero();
        // while the relay is down, late cases of the 24th and the 23rd are loaded by hand: they are the next
        // revision's figures, not r1's, whose PDF the mail attaches
        // (a folder of its own that JUnit deletes: beside the inbox it stayed in /tmp after every run)
        new Drops(manual).write("2022-10-25", "cases.csv", Drops.CASES
                + "C4,2022-10-24T11:00:00+08:00,440604,,OTHER,100.00,\n"
                + "C5,2022-10-23T11:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", manual.toString()).exitCode()).isZero();
        assertThat(cli("metrics", "--from", "2022-10-24", "--to", "2022-10-24", "--district", "440600").out())
                .contains("\n2022-10-24,2022-10-24,440600,2,");

        relay.start();
        clock.set(START.plus(Duration.ofMinutes(6)));
        assertThat(deliveries.sendDue(line -> { }).sent()).isEqualTo(3);
        for (MimeMessage mail : mailsWithSubject("【反诈日报】2022年10月24日（第297期）")) {
            assertThat(text(mail)).contains("- 电诈警情 1宗（同比—（基期无记录），环比-50.0%）\n")
                    .contains("- 止付金额 1,278,747.65元（同比—（基期无记录），环比—（基期为0））\n")
                    .contains("\n异常提示：近28日中有数据的仅1日，未作判断。\n")
                    .contains("10月23日至24日，全市共处置电诈警情3宗，"); // the records begin on the 23rd: not "2022年以来"
        }
        // and so does the same mail sent again
        Run resend = cli("deliver", "--date", "2022-10-24", "--resend");
        assertThat(resend.exitCode()).isZero();
        assertThat(relay.getReceivedMessages()).hasSize(6);
        assertThat(text(relay.getReceivedMessages()[5])).contains("- 电诈警情 1宗（同比—（基期无记录），环比-50.0%）\n")
                .contains("10月23日至24日，全市共处置电诈警情3宗，"); // the records begin on the 23rd: not "2022年以来"
    }

    /**
     * The relay back within the mails' 6 hours, and a recipient asking for it again: `deliver --resend` sends the mails
     * not gone yet as they are, without a copy beside them (review: 6 mails to 3 recipients).
     */
    @Test
    void aResendWhileTheMailsAreStillPendingSendsEachOnce() {
        relay.stop();
        assertThat(night("2022-10-24").exitCode()).isZero();
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || copy FROM delivery", String.class)).containsExactly("pending 0");
        relay.start();

        Run resend = cli("deliver", "--date", "2022-10-24", "--resend");

        assertThat(resend.exitCode()).isZero();
        assertThat(resend.out()).contains("sending now to leadership zhangsan@example.gov.cn (its mail had not gone yet)")
                .contains("mail: 3 sent");
        assertThat(relay.getReceivedMessages()).hasSize(3);
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || copy FROM delivery", String.class)).containsExactly("sent 0");
    }

    /** A resend made while the relay is still down, then `deliver` once it is back: each recipient mailed once (review). */
    @Test
    void aResendMadeWhileTheRelayIsStillDownThenDeliverMailsEachRecipientOnce() {
        publishWithTheRelayDownForSevenHours();
        assertThat(cli("deliver", "--date", "2022-10-24", "--resend").exitCode()).isZero();
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || copy FROM delivery ORDER BY 1", String.class))
                .containsExactly("failed 0", "pending 1");
        relay.start();

        Run later = cli("deliver", "--date", "2022-10-24");

        assertThat(later.exitCode()).isZero();
        assertThat(relay.getReceivedMessages()).hasSize(3);
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || copy FROM delivery ORDER BY 1", String.class))
                .containsExactly("failed 0", "sent 1");
    }

    @Test
    void aRelayDownForMoreThanSixHoursFailsTheMail_listedAndWarnedAbout() {
        publishWithTheRelayDownForSevenHours();
        // attempts at 0, 5, 15, 35, 75, 155 and 315 minutes (pauses of 5, 10, 20, 40, 80, 160); the next pause would
        // end past 6 hours, so the last attempt is at 6 hours, after which the mail is failed
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || attempts FROM delivery", String.class)).containsExactly("failed 8");
        Run failed = cli("deliveries", "--failed");
        assertThat(failed.out().lines().skip(1).toList()).hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("2022-10-24,daily,1,").contains(",failed,8,,<daily.2022-10-24.r1.0."));
        // a relay's error over several lines (as JavaMail nests them) is listed on the mail's one line
        jdbc.update("UPDATE delivery SET last_error = 'Could not connect to SMTP host: 127.0.0.1, port: 2525;' || chr(10) "
                + "|| '  nested exception is:' || chr(10) || chr(9) || 'java.net.ConnectException: Connection refused' WHERE state = 'failed'");
        assertThat(cli("deliveries", "--failed").out().lines().skip(1).toList()).hasSize(3).allSatisfy(line -> assertThat(line)
                .endsWith(",\"Could not connect to SMTP host: 127.0.0.1, port: 2525; nested exception is: java.net.ConnectException: Connection refused\""));
        Run nextNight = night("2022-10-24");
        assertThat(nextNight.exitCode()).isZero();
        assertThat(nextNight.err()).contains("fraudstats nightly: warning: 3 mails failed after 6 hours of retries: ./fraudstats deliveries --failed");

        relay.start();
        Run resend = cli("deliver", "--date", "2022-10-24", "--resend");
        assertThat(resend.exitCode()).isZero();
        assertThat(resend.out()).contains("mail: 3 sent");
        assertThat(relay.getReceivedMessages()).hasSize(3);
        assertThat(cli("deliveries", "--from", "2022-10-24", "--to", "2022-10-24").out())
                .contains(",daily,1,leadership,zhangsan@example.gov.cn,failed,8,")
                .contains(",daily,1,leadership,zhangsan@example.gov.cn,sent,1,");
        // sent since: the nights stop warning about them (still listed, as failed, by deliveries --failed)
        assertThat(night("2022-10-24").err()).doesNotContain("warning");
        assertThat(cli("deliveries", "--failed").out().lines().skip(1).toList()).hasSize(3);
        // and a later `deliver` (the README's "relay mended") does not try them again: everyone had the resend (review)
        Run later = cli("deliver", "--date", "2022-10-24");
        assertThat(later.exitCode()).isZero();
        assertThat(later.out()).doesNotContain("mail: 3 sent");
        assertThat(relay.getReceivedMessages()).hasSize(3);
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || copy FROM delivery ORDER BY 1", String.class))
                .containsExactly("failed 0", "sent 1");
    }

    @Test
    void deliverRunAgainAndAgainWhileTheRelayIsDownNeitherFailsTheMailsNorDelaysTheirSchedule() {
        relay.stop();
        assertThat(night("2022-10-24").exitCode()).isZero();
        // an operator tries `deliver` every minute for ten minutes: ten attempts more, each pause longer
        for (int minute = 1; minute <= 10; minute++) {
            clock.set(START.plus(Duration.ofMinutes(minute)));
            Run deliver = cli("deliver", "--date", "2022-10-24");
            assertThat(deliver.out()).doesNotContain("failed");
        }
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || attempts FROM delivery", String.class)).containsExactly("pending 11");
        // the schedule is the mail's, not its attempts': the next automatic attempt is still 15 minutes after it was
        // recorded, not hours away, and the relay back by then gets every mail
        assertThat(jdbc.queryForList("SELECT DISTINCT next_attempt_at = recorded_at + interval '15 minutes' FROM delivery", Boolean.class))
                .containsExactly(true);
        relay.start();
        clock.set(START.plus(Duration.ofMinutes(16)));
        assertThat(deliveries.sendDue(line -> { }).sent()).isEqualTo(3);
    }

    @Test
    void deliverAfterTheRelayIsMendedTriesTheFailedMailsOnceMore_mailingNobodyTwice() {
        publishWithTheRelayDownForSevenHours();
        assertThat(jdbc.queryForList("SELECT DISTINCT state FROM delivery", String.class)).containsExactly("failed");
        relay.start();
        // while a correction of the bulletin has been mailed, the superseded revision's failed mails stay failed
        jdbc.update("INSERT INTO delivery (list_name, recipient_name, recipient_email, product, date_from, date_to, revision, "
                + "out_folder, state, message_id, recorded_at, next_attempt_at, sent_at) SELECT list_name, recipient_name, "
                + "recipient_email, product, date_from, date_to, 2, out_folder, 'sent', message_id || '.r2', now(), now(), now() "
                + "FROM delivery WHERE recipient_email = 'zhangsan@example.gov.cn'");
        assertThat(cli("deliver", "--date", "2022-10-24").out()).doesNotContain("sent");
        assertThat(relay.getReceivedMessages()).isEmpty();
        jdbc.update("DELETE FROM delivery WHERE revision = 2");
        // the relay mended, an operator runs deliver: the failed mails go, each once, and the nights stop warning
        Run deliver = cli("deliver", "--date", "2022-10-24");
        assertThat(deliver.exitCode()).as(deliver.err()).isZero();
        assertThat(deliver.out()).contains("mail: 3 sent").doesNotContain("warning");
        assertThat(relay.getReceivedMessages()).hasSize(3);
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || attempts FROM delivery", String.class)).containsExactly("sent 9");
        assertThat(cli("deliver", "--date", "2022-10-24").out()).doesNotContain("sent");
        assertThat(relay.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aClaimedMailIsSentByNobodyElse_andAClaimLostWithItsProcessIsSentOnce() throws Exception {
        relay.stop();
        assertThat(night("2022-10-24").exitCode()).isZero();
        relay.start();
        clock.set(START.plus(Duration.ofMinutes(6)));
        long claimedId = jdbc.queryForObject("SELECT min(id) FROM delivery", Long.class);
        try (Connection otherNode = dataSource.getConnection()) {
            // another process has claimed one mail and is about to send it
            otherNode.setAutoCommit(false);
            try (var claim = otherNode.prepareStatement(org.fraudstats.storage.SqlFiles.load("delivery/claim.sql").replace(":id", "?"))) {
                claim.setLong(1, claimedId);
                assertThat(claim.executeQuery().next()).isTrue();
            }
            assertThat(deliveries.sendDue(line -> { }).sent()).isEqualTo(2);
            // … and is killed (kill -9) before sending: its connection and its lock go with it
            otherNode.rollback();
        }
        assertThat(deliveries.sendDue(line -> { }).sent()).isEqualTo(1);
        assertThat(deliveries.sendDue(line -> { }).sent()).isZero();
        assertThat(relay.getReceivedMessages()).extracting(MailDeliveryTest::to)
                .containsExactlyInAnyOrder("lisi@example.gov.cn", "zhangsan@example.gov.cn", "zhaoliu@example.gov.cn");
    }

    @Test
    void twoNodesPassingAtOnceSendEachMailOnce() throws Exception {
        relay.stop();
        assertThat(night("2022-10-23").exitCode()).isZero();
        assertThat(night("2022-10-24").exitCode()).isZero();
        relay.start();
        clock.set(START.plus(Duration.ofMinutes(6)));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Deliveries.Pass>> passes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            passes.add(nodes.submit(() -> {
                go.await();
                return deliveries.sendDue(line -> { });
            }));
        }
        go.countDown();
        int sent = 0;
        for (Future<Deliveries.Pass> pass : passes) {
            sent += pass.get().sent();
        }
        nodes.shutdown();
        assertThat(sent).isEqualTo(6);
        assertThat(relay.getReceivedMessages()).hasSize(6);
        assertThat(Arrays.stream(relay.getReceivedMessages()).map(MailDeliveryTest::messageId).distinct()).hasSize(6);
    }

    @Test
    void aBadDistributionFileStopsTheNightBeforeItLoadsOrSendsAnything() throws IOException {
        Files.writeString(DISTRIBUTION, THREE_RECIPIENTS.replace("lisi@example.gov.cn", "lisi@gmail.com"));
        Run night = night("2022-10-24");
        assertThat(night.exitCode()).isEqualTo(1);
        assertThat(night.err()).isEqualTo("fraudstats nightly: " + DISTRIBUTION + ": lists.statisticians.recipients[1]: "
                + "lisi@gmail.com is outside allowed_domains (example.gov.cn)\n");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM drop_load", Long.class)).isZero();
        assertThat(relay.getReceivedMessages()).isEmpty();
    }

    @Test
    void aWeeklyBulletinGoesToTheListsTakingWeekly_withLinksInsteadOfFilesAboveTheCap() throws Exception {
        Files.writeString(DISTRIBUTION, THREE_RECIPIENTS.replace("max_attachment_mb: 10", "max_attachment_mb: 0.01"));
        assertThat(night("2022-10-23").exitCode()).isZero();
        pipeline.rangeBulletin(java.time.LocalDate.of(2022, 10, 17), java.time.LocalDate.of(2022, 10, 23), out);

        List<MimeMessage> weekly = mailsWithSubject("【反诈周报】2022年10月17日至10月23日");
        assertThat(weekly).extracting(MailDeliveryTest::to)
                .containsExactlyInAnyOrder("zhangsan@example.gov.cn", "zhaoliu@example.gov.cn", "qianqi@example.gov.cn");
        assertThat(attachments(weekly.get(0))).isEmpty();
        assertThat(text(weekly.get(0)))
                .startsWith("佛山市电信网络诈骗警情周报，统计时段：2022年10月17日至10月23日。\n数据截至：2022年10月23日24时（北京时间）。\n")
                .contains("- 电诈警情 2宗（")
                .contains("附件合计超过0.01MB，未随邮件发送，请在门户下载：https://stats.example.gov.cn/bulletins/2022-10-17_2022-10-23/weekly?revision=1\n");
        // the daily bulletins of the week went out too, above the cap as well
        assertThat(mailsWithSubject("【反诈日报】2022年10月23日（第296期）")).hasSize(3);
        // dated by its last day, as `deliver --date`, and by its period, as the API dates the bulletin
        assertThat(cli("deliveries", "--from", "2022-10-23", "--to", "2022-10-23", "--format", "json").out())
                .contains("{\"date\":\"2022-10-23\",\"kind\":\"weekly\",\"period\":\"2022-10-17_2022-10-23\",\"revision\":1,");
        assertNoAccountNumberInAnyMail();
    }

    @Test
    void aDayWhoseDropHasNotArrivedSaysSoInTheMail_andInEveryRenderUntilADropOfItsDayOrLaterIsLoaded() throws Exception {
        String notice = "数据未到：2022-10-25 的数据尚未到达，本期只计入已报送的当日记录，数字不全，数据到达后将以修订版重发。";
        assertThat(night("2022-10-24").exitCode()).isZero();
        clock.set(Instant.parse("2022-10-26T01:00:00Z"));
        assertThat(night("2022-10-25").exitCode()).isEqualTo(1);
        // leadership reads the mail first: its figures are partial, and it says so before any of them
        MimeMessage mail = mailsWithSubject("【反诈日报】2022年10月25日（第298期）").get(0);
        assertThat(text(mail)).contains("数据截至：2022年10月25日24时（北京时间）。\n" + notice + "\n\n异常提示：");
        // its zeros are no data: neither "无异常" of them nor -100.0% against the day before, which read as a fall
        assertThat(text(mail)).contains("异常提示：当日数据未到，未作判断。\n")
                .contains("全市主要数字：\n- 电诈警情 —（数据未到）\n- 止付账户 —（数据未到）\n- 止付金额 —（数据未到）\n- 返还案件 —（数据未到）\n- 返还金额 —（数据未到）\n").doesNotContain("%");
        // the command's headline of a period holding it says so on stderr, as the portal refuses it (tester 31c)
        Run headline = cli("headline", "--from", "2022-10-23", "--to", "2022-10-25");
        assertThat(headline.exitCode()).isZero();
        assertThat(headline.err()).isEqualTo("fraudstats headline: warning: the data of 2022-10-25 has not arrived (数据未到): the figures "
                + "are short of it, and the portal's headline refuses this period until it comes\n");
        assertThat(cli("headline", "--from", "2022-10-23", "--to", "2022-10-24").err()).isEmpty();
        // days not over are said as such, not counted as late (r38b: "… and 306 more days has not arrived")
        assertThat(cli("headline", "--from", "2022-10-25", "--to", "2022-12-31").err()).isEqualTo("fraudstats headline: warning: "
                + "the period runs past yesterday (today is 2022-10-26 in Asia/Shanghai): its days from 2022-10-26 on are not over, "
                + "so their data cannot have come yet, and the portal's headline refuses this period until the daily of 2022-12-31 "
                + "is published\n"
                + "fraudstats headline: warning: the data of 2022-10-25 has not arrived (数据未到): the figures are short of it, and "
                + "the portal's headline refuses this period until it comes\n");
        assertThat(cli("headline", "--from", "2022-11-01", "--to", "2022-11-30").err()).isEqualTo("fraudstats headline: warning: "
                + "the period runs past yesterday (today is 2022-10-26 in Asia/Shanghai): its days from 2022-11-01 on are not over, "
                + "so their data cannot have come yet, and the portal's headline refuses this period until the daily of 2022-11-30 "
                + "is published\n");
        // and the year's sentence says the day it leaves out, as the bulletin's (review 31b)
        assertThat(text(mail)).contains("10月23日至25日（10月25日数据未到，数字不全），全市共处置电诈警情");
        Path pdf = out.resolve("daily/2022-10-25/fraudstats-daily-2022-10-25.pdf");
        assertThat(pdfText(pdf).replaceAll("\\s+", "")).contains(notice.replace(" ", "")).contains("当日数据未到，未作判断。")
                .contains("本期含数据未到的日期，不计算同比、环比。").doesNotContainPattern("\\d%").doesNotContain("无异常");
        // no sentence of the day's figures, which had not come: the year's follows the notice
        assertThat(pdfText(pdf).replaceAll("\\s+", "")).contains("】10月23日至25日（10月25日数据未到，数字不全），全市共处置电诈警情")
                .doesNotContain("10月25日，全市共处置电诈警情");
        assertThat(pdfText(out.resolve("daily/2022-10-24/fraudstats-daily-2022-10-24.pdf"))).contains("“—”表示基期数为0");

        // a statistician's rerun of those days before the drop comes rewrites the same revision: with the notice
        Run rerun = cli("rerun", "--from", "2022-10-24", "--to", "2022-10-25", "--out", out.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(pdfText(pdf).replaceAll("\\s+", "")).contains(notice.replace(" ", ""));
        assertThat(pdfText(out.resolve("daily/2022-10-24/fraudstats-daily-2022-10-24.pdf"))).doesNotContain("数据未到");
        assertThat(jdbc.queryForObject("SELECT figures -> 'notes' -> 'missing' ->> 'text' FROM bulletin_revision "
                + "WHERE kind = 'daily' AND date_from = DATE '2022-10-25'", String.class)).isEqualTo(notice);

        // its drop comes the next night, empty: nothing moved, but the notice promised a revision, which goes to the
        // same recipients as a correction saying the data came
        drops.write("2022-10-25", "warnings.csv", Drops.WARNINGS);
        clock.set(Instant.parse("2022-10-27T01:00:00Z"));
        Run night26 = night("2022-10-26");
        // and the 环比 it computes again, which the 数据未到 revision printed as — (r39a)
        assertThat(night26.out()).contains("2022-10-25  revised to r2 (数据未到 → 数据已到达; 环比 佛山市 电诈警情 — → -100.0%; 环比 佛山市 案损金额 — → -100.0%; "
                + "环比 佛山市 止付账户 — → -100.0%; 环比 佛山市 止付金额 — → -100.0%; 环比 各区县 4 项 — → 已计算（见分区表）)");
        assertThat(pdfText(out.resolve("daily/2022-10-25/fraudstats-daily-2022-10-25.r2.pdf"))).doesNotContain("数据未到：");
        assertThat(pdfText(out.resolve("daily/2022-10-25/fraudstats-daily-2022-10-25.r2.pdf")).replaceAll("\\s+", ""))
                .contains("10月25日，全市共处置电诈警情");
        List<MimeMessage> corrections = mailsWithSubject("【反诈日报·更正】2022年10月25日（第298期，第2版）");
        assertThat(corrections).extracting(MailDeliveryTest::to)
                .containsExactlyInAnyOrder("lisi@example.gov.cn", "zhangsan@example.gov.cn", "zhaoliu@example.gov.cn");
        assertThat(text(corrections.get(0))).doesNotContain(notice).contains("本版更正了以下数字：\n- 数据未到 → 数据已到达\n- 环比 佛山市 电诈警情 — → -100.0%\n");
        assertThat(jdbc.queryForObject("SELECT figures -> 'notes' ->> 'missing' FROM bulletin_revision "
                + "WHERE kind = 'daily' AND date_from = DATE '2022-10-25' AND revision = 2", String.class)).isNull();
    }

    @Test
    void aDayAfterOneWhoseDropNeverCameComputesNo环比AgainstIt_untilItsDropIsLoaded() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        clock.set(Instant.parse("2022-10-26T01:00:00Z"));
        assertThat(night("2022-10-25").exitCode()).isEqualTo(1);
        // the 26th's drop comes, the 25th's does not: the 26th is whole, but the day before it (its 环比 base) holds
        // nothing, and 1 case against 0 printed no change while 2 against a day short of its cases printed a rise
        drops.write("2022-10-26", "cases.csv", Drops.CASES + "C5,2022-10-26T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "C6,2022-10-25T23:00:00+08:00,440604,,OTHER,100.00,\n");
        clock.set(Instant.parse("2022-10-27T01:00:00Z"));
        Run night26 = night("2022-10-26");
        assertThat(night26.exitCode()).as(night26.err()).isZero();

        String mail = text(mailsWithSubject("【反诈日报】2022年10月26日（第299期）").get(0));
        assertThat(mail).contains("全市主要数字（同比 / 环比）：\n- 电诈警情 1宗（同比—（基期无记录），环比—（基期数据未到））\n")
                .contains("环比基期（2022-10-25）含数据未到的日期，不计算环比。\n").doesNotContain("%");
        Path pdf = out.resolve("daily/2022-10-26/fraudstats-daily-2022-10-26.pdf");
        assertThat(pdfText(pdf).replace("\n", "")).contains("“—”表示基期数为0（同比基期在最早记录2022-10-23之前，没有记录），或环比基期（2022-10-25）"
                        + "含数据未到的日期，不计算变化。")
                // the year to date's, under its own table (review 33b)
                .contains("今年以来或去年同期（2022-10-25）含数据未到的日期，去年同期在最早记录2022-10-23之前，没有记录，不计算同比。")
                .doesNotContainPattern("\\d%");

        // a statistician loads the 25th's drop (empty: the day had nothing more) and reruns the 26th: its changes are
        // computed again, as a revision that says why it differs
        drops.write("2022-10-25", "warnings.csv", Drops.WARNINGS);
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        Run rerun = cli("rerun", "--from", "2022-10-26", "--to", "2022-10-26", "--out", out.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(pdfText(out.resolve("daily/2022-10-26/fraudstats-daily-2022-10-26.r2.pdf")).replace("\n", ""))
                .contains("“—”表示基期数为0（同比基期在最早记录2022-10-23之前，没有记录），不计算变化。").contains("环比基期数据未到 2022-10-25 → 无").contains("0.0%");
    }

    private static String pdfText(Path pdf) throws IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    /**
     * A correction rerun in PDF alone, mailed to a list that attaches the workbook too: said at once, and the pass says
     * the mail waits for its attachment, not for the relay (retester: it waited 6 hours "for the relay", then failed).
     */
    @Test
    void aCorrectionRenderedWithoutAFormatItsListAttachesIsSaidAtOnce() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C4,2022-10-24T20:00:00+08:00,440605,,OTHER,50.00,\n");
        clock.set(START.plus(Duration.ofDays(1)));
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();

        Run rerun = cli("rerun", "--from", "2022-10-24", "--to", "2022-10-24", "--out", out.toString(), "--formats", "pdf");

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out() + rerun.err()).contains("warning: the daily bulletin 2022-10-24 (revision 2) has no xlsx file, which list "
                + "statisticians attaches: its mails wait for a rerun of the period that writes it (--formats pdf,xlsx), and fail after 6 hours")
                .contains("mail: 2 sent, 1 waiting for an attachment (retried; ./fraudstats deliveries says which)");
        assertThat(mailsWithSubject("【反诈日报·更正】2022年10月24日（第297期，第2版）")).extracting(MailDeliveryTest::to)
                .containsExactlyInAnyOrder("zhangsan@example.gov.cn", "zhaoliu@example.gov.cn");
    }

    @Test
    void aCorrectionPublishedByANightKilledBeforeItsMailWasRecordedIsMailedByTheNextPass() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C4,2022-10-24T20:00:00+08:00,440605,,OTHER,50.00,\n");
        clock.set(START.plus(Duration.ofDays(1)));
        // what a night of the 25th killed while rendering the 25th leaves: its drop loaded, the 24th revised and
        // published (r2, committed with its files), no mail of it recorded
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        // a night given another output folder (nightly --out): the correction's files are there, not with r1's
        Path elsewhere = Files.createDirectories(out.resolve("elsewhere"));
        var publisher = context.getBean(org.fraudstats.bulletin.BulletinPublisher.class);
        assertThat(publisher.daily(LocalDate.parse("2022-10-24"), elsewhere, java.util.EnumSet.allOf(org.fraudstats.bulletin.BulletinPublisher.Format.class),
                null).revision()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery WHERE revision = 2", Long.class)).isZero();

        // the night run again finds the 24th up to date, yet its correction reaches the recipients of r1, once
        Run again = night("2022-10-25");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("3 mails of bulletins published earlier without their mail recorded (no distribution "
                + "list then, or a process stopped in between): to send");
        assertThat(mailsWithSubject("【反诈日报·更正】2022年10月24日（第297期，第2版）")).extracting(MailDeliveryTest::to)
                .containsExactlyInAnyOrder("lisi@example.gov.cn", "zhangsan@example.gov.cn", "zhaoliu@example.gov.cn");
        assertThat(text(mailsWithSubject("【反诈日报·更正】2022年10月24日（第297期，第2版）").get(0))).contains("- 佛山市 电诈警情 1 → 2\n");
        assertThat(mailsWithSubject("【反诈日报·更正】2022年10月24日（第297期，第2版）")).allSatisfy(m -> assertThat(attachments(m).keySet())
                .isNotEmpty().allMatch(name -> name.startsWith("fraudstats-daily-2022-10-24.r2.")));
        assertThat(cli("deliver", "--date", "2022-10-24").out()).isEqualTo("daily 2022-10-24: nothing to send\n");
        assertThat(deliveries.sendDue(line -> { }).sent()).isZero();
        assertThat(mailsWithSubject("【反诈日报·更正】2022年10月24日（第297期，第2版）")).hasSize(3);
        assertThat(mailsWithSubject("【反诈日报】2022年10月25日（第298期）")).hasSize(3);
    }

    @Test
    void aDaysBulletinPublishedByANightKilledBeforeItsMailWasRecordedIsMailedByTheNextPass_unlessMailWasNotYetInUse() throws Exception {
        var publisher = context.getBean(org.fraudstats.bulletin.BulletinPublisher.class);
        var everyFormat = java.util.EnumSet.allOf(org.fraudstats.bulletin.BulletinPublisher.Format.class);
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-23").exitCode()).isZero();
        // a deployment's first bulletin, before any mail was recorded: a pass does not mail it (a deployment that
        // starts mailing does not receive the week's earlier bulletins)
        assertThat(publisher.daily(LocalDate.parse("2022-10-23"), out, everyFormat, null).revision()).isEqualTo(1);
        assertThat(deliveries.sendDue(line -> { })).isEqualTo(new Deliveries.Pass(0, 0, 0));

        assertThat(night("2022-10-24").exitCode()).isZero();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C4,2022-10-25T20:00:00+08:00,440605,,OTHER,50.00,\n");
        clock.set(START.plus(Duration.ofDays(1)));
        // what a night of the 25th killed after publishing the 25th leaves: its drop loaded, its bulletin published
        // (committed with its files), no mail of it recorded; the next night is the 26th's
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        assertThat(publisher.daily(LocalDate.parse("2022-10-25"), out, everyFormat, null).revision()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery WHERE date_from = '2022-10-25'", Long.class)).isZero();

        // serve's next pass (or the next night, or `deliver`) records it for today's lists and sends it, once
        List<String> said = new java.util.ArrayList<>();
        assertThat(deliveries.sendDue(said::add).sent()).isEqualTo(3);
        assertThat(said).contains("3 mails of bulletins published earlier without their mail recorded (no distribution list then, or a process stopped in between): to send");
        assertThat(mailsWithSubject("【反诈日报】2022年10月25日（第298期）")).extracting(MailDeliveryTest::to)
                .containsExactlyInAnyOrder("lisi@example.gov.cn", "zhangsan@example.gov.cn", "zhaoliu@example.gov.cn");
        assertThat(deliveries.sendDue(line -> { }).sent()).isZero();
        assertThat(mailsWithSubject("【反诈日报】2022年10月23日（第296期）")).isEmpty();
        assertThat(relay.getReceivedMessages()).hasSize(6);
    }

    /**
     * serve's pass records a bulletin a killed night left unrecorded to the lists as the file says them now: it went to
     * the lists serve had read at its start, someone removed since included, someone added not (tester mail32).
     */
    @Test
    void servesPassRecordsToTheListsOfTheFileAsItIsNow() throws Exception {
        var publisher = context.getBean(org.fraudstats.bulletin.BulletinPublisher.class);
        assertThat(night("2022-10-24").exitCode()).isZero();
        pipeline.retryMail(line -> { });
        Files.writeString(DISTRIBUTION, THREE_RECIPIENTS.replace("zhaoliu@example.gov.cn", "wangwu@example.gov.cn"));
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C4,2022-10-25T20:00:00+08:00,440605,,OTHER,50.00,\n");
        clock.set(START.plus(Duration.ofDays(1)));
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        assertThat(publisher.daily(LocalDate.parse("2022-10-25"), out,
                java.util.EnumSet.allOf(org.fraudstats.bulletin.BulletinPublisher.Format.class), null).revision()).isEqualTo(1);

        pipeline.retryMail(line -> { });
        assertThat(mailsWithSubject("【反诈日报】2022年10月25日（第298期）")).extracting(MailDeliveryTest::to)
                .containsExactlyInAnyOrder("lisi@example.gov.cn", "zhangsan@example.gov.cn", "wangwu@example.gov.cn");
        // a file broken meanwhile: said, and the pass goes on with the lists read before
        Files.writeString(DISTRIBUTION, "lists: [");
        List<String> said = new java.util.ArrayList<>();
        pipeline.retryMail(said::add);
        assertThat(said).anySatisfy(line -> assertThat(line).startsWith("warning: " + DISTRIBUTION)
                .endsWith(": mails this pass records go to the lists read before"));
    }

    @Test
    void aCorrectionWhoseMailsCouldNotAllBeRecordedIsRecordedWholeByTheNextPass_andTheDaysOwnBulletinGoesMeanwhile() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C4,2022-10-24T20:00:00+08:00,440605,,OTHER,50.00,\n");
        clock.set(START.plus(Duration.ofDays(1)));
        // one recipient's row of the correction cannot be written (as a kill between two rows would leave it)
        jdbc.execute("CREATE FUNCTION test_refuse_delivery() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.revision = 2 AND NEW.recipient_email = 'zhaoliu@example.gov.cn' THEN RAISE EXCEPTION 'disk full'; "
                + "END IF; RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER test_refuse_delivery BEFORE INSERT ON delivery FOR EACH ROW EXECUTE FUNCTION test_refuse_delivery()");
        Run late;
        try {
            late = night("2022-10-25");
        } finally {
            jdbc.execute("DROP TRIGGER test_refuse_delivery ON delivery");
            jdbc.execute("DROP FUNCTION test_refuse_delivery()");
        }
        assertThat(late.exitCode()).as(late.err()).isZero();
        assertThat(late.err()).contains("fraudstats nightly: warning: the mails of the daily bulletin 2022-10-24 (revision 2) were not recorded: ");
        // none of the correction's rows, so that the next pass sees it whole; the 25th's own bulletin went out
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery WHERE revision = 2", Long.class)).isZero();
        assertThat(mailsWithSubject("【反诈日报】2022年10月25日（第298期）")).hasSize(3);

        assertThat(deliveries.sendDue(line -> { }).sent()).isEqualTo(3);
        assertThat(mailsWithSubject("【反诈日报·更正】2022年10月24日（第297期，第2版）")).extracting(MailDeliveryTest::to)
                .containsExactlyInAnyOrder("lisi@example.gov.cn", "zhangsan@example.gov.cn", "zhaoliu@example.gov.cn");
    }

    /**
     * `deliver --resend` records every recipient's copy or none: recorded one by one, a resend that stopped half way (a
     * kill, a full disk) and was run again mailed those before the stop twice (review).
     */
    @Test
    void aResendThatCannotRecordEveryCopyRecordsNone_andRunAgainMailsEachOnce() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        assertThat(relay.getReceivedMessages()).hasSize(3);
        jdbc.execute("CREATE FUNCTION test_refuse_delivery() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.copy = 1 AND NEW.recipient_email = 'zhaoliu@example.gov.cn' THEN RAISE EXCEPTION 'disk full'; "
                + "END IF; RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER test_refuse_delivery BEFORE INSERT ON delivery FOR EACH ROW EXECUTE FUNCTION test_refuse_delivery()");
        Run stopped;
        try {
            stopped = cli("deliver", "--date", "2022-10-24", "--resend");
        } finally {
            jdbc.execute("DROP TRIGGER test_refuse_delivery ON delivery");
            jdbc.execute("DROP FUNCTION test_refuse_delivery()");
        }
        assertThat(stopped.exitCode()).isNotZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery WHERE copy = 1", Long.class)).isZero();
        assertThat(relay.getReceivedMessages()).hasSize(3);

        assertThat(cli("deliver", "--date", "2022-10-24", "--resend").exitCode()).isZero();

        assertThat(relay.getReceivedMessages()).hasSize(6);
        assertThat(jdbc.queryForList("SELECT recipient_email || ' ' || copy FROM delivery WHERE copy > 0 ORDER BY 1", String.class))
                .containsExactly("lisi@example.gov.cn 1", "zhangsan@example.gov.cn 1", "zhaoliu@example.gov.cn 1");
    }

    @Test
    void aRerunThatRevisesAPublishedBulletinMailsTheRevisionOnly() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C4,2022-10-24T20:00:00+08:00,440605,,OTHER,50.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        Run rerun = cli("rerun", "--from", "2022-10-23", "--to", "2022-10-24", "--out", out.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("3 mails to send\nmail: 3 sent\n");

        assertThat(mailsWithSubject("【反诈日报·更正】2022年10月24日（第297期，第2版）")).extracting(MailDeliveryTest::to)
                .containsExactlyInAnyOrder("lisi@example.gov.cn", "zhangsan@example.gov.cn", "zhaoliu@example.gov.cn");
        // the 23rd was first published by the rerun: old days are not mailed
        assertThat(relay.getReceivedMessages()).hasSize(6);

        // its correction goes to today's lists, who never got its first revision: the mail says what its changes start from
        clock.set(START.plus(Duration.ofDays(1)));
        drops.write("2022-10-26", "cases.csv", Drops.CASES + "C5,2022-10-23T20:00:00+08:00,440605,,OTHER,70.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-26").exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-23", "--to", "2022-10-23", "--out", out.toString()).exitCode()).isZero();
        List<MimeMessage> corrections = mailsWithSubject("【反诈日报·更正】2022年10月23日（第296期，第2版）");
        assertThat(corrections).hasSize(3);
        assertThat(text(corrections.get(0))).contains("本版更正了以下数字（相对于第1版；此前各版未曾邮件发送给您，可在门户页面查看）：\n- 佛山市 电诈警情 ");
    }

    @Test
    void aNightThatRendersAnOldDayAgainWithTheFiguresItHadMailsNothingOfIt() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        Run rerun = cli("rerun", "--from", "2022-10-23", "--to", "2022-10-23", "--out", out.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        // the 23rd's case again, its station named: the day changed, none of its printed figures did
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C1,2022-10-23T09:00:00+08:00,440604,祖庙派出所,OTHER,100.00,\n");
        clock.set(START.plus(Duration.ofDays(1)));

        Run night = night("2022-10-25");

        assertThat(night.exitCode()).as(night.err()).isZero();
        assertThat(night.out()).contains("2022-10-23  unchanged since published, kept as r1: ");
        assertThat(mailsWithSubject("【反诈日报】2022年10月25日（第298期）")).hasSize(3);
        // the first edition of the 23rd, which the rerun published and nobody was sent, stays unsent (tester F)
        assertThat(mailsWithSubject("【反诈日报】2022年10月23日（第296期）")).isEmpty();
        assertThat(cli("deliveries", "--from", "2022-10-23", "--to", "2022-10-23").out().lines()).hasSize(1);
    }

    @Test
    void aRevisionMadeWhereNoDistributionFileIsReadWaitsSayingWhy_andIsSentWhereOneIs() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        String lists = Files.readString(DISTRIBUTION);
        Files.writeString(DISTRIBUTION, "");
        deliveries.checkConfiguration();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C4,2022-10-24T20:00:00+08:00,440605,,OTHER,50.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        Run rerun = cli("rerun", "--from", "2022-10-24", "--to", "2022-10-24", "--out", out.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        // not said as the relay's fault: it was up (r38a)
        assertThat(rerun.out()).contains("3 mails to send\nmail: 0 sent, 3 waiting for a process that reads the distribution file "
                + "(this one reads none: jobs/distribution.yml or FRAUDSTATS_DISTRIBUTION; retried)\n");
        assertThat(cli("deliveries", "--from", "2022-10-24", "--to", "2022-10-24").out().lines().filter(l -> l.contains(",daily,2,")))
                .hasSize(3).allSatisfy(l -> assertThat(l).contains(",pending,1,").endsWith(",no sender: this process reads no "
                        + "distribution file (jobs/distribution.yml or the file FRAUDSTATS_DISTRIBUTION names)"));

        Files.writeString(DISTRIBUTION, lists);
        deliveries.checkConfiguration();
        clock.set(START.plus(Duration.ofMinutes(6)));
        assertThat(deliveries.sendDue(line -> { }).sent()).isEqualTo(3);
        assertThat(mailsWithSubject("【反诈日报·更正】2022年10月24日（第297期，第2版）")).hasSize(3);
    }

    @Test
    void deliveriesAsJson_andDeliverWithNothingPending() throws Exception {
        assertThat(night("2022-10-24").exitCode()).isZero();
        Run json = cli("deliveries", "--from", "2022-10-24", "--to", "2022-10-24", "--format", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).startsWith("[{\"date\":\"2022-10-24\",\"kind\":\"daily\",\"period\":\"2022-10-24\",\"revision\":1,\"list\":\"leadership\","
                + "\"recipient\":\"zhangsan@example.gov.cn\",\"state\":\"sent\",\"attempts\":1,\"sent_at\":\"")
                .contains("\"message_id\":\"<daily.2022-10-24.r1.0.").contains("\"error\":null}")
                .containsPattern("\"sent_at\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00\"");
        Run nothing = cli("deliver", "--date", "2022-10-24");
        assertThat(nothing.exitCode()).isZero();
        assertThat(nothing.out()).isEqualTo("daily 2022-10-24: nothing to send\n");
        assertThat(relay.getReceivedMessages()).hasSize(3);
        // a bulletin no mail was ever recorded for says why (upgrade tester: "nothing to send", and no reason)
        assertThat(cli("rerun", "--from", "2022-10-23", "--to", "2022-10-23").exitCode()).isZero();
        assertThat(cli("deliver", "--date", "2022-10-23").out()).isEqualTo("daily 2022-10-23: nothing to send (no mail of it was "
                + "ever recorded: it was published by a rerun, which mails nothing, or by a night without a distribution list; "
                + "--resend mails its latest revision to the lists of today)\n");
        // and --resend mails it, to the lists of today, as a night mails a first publication (no command did)
        Run resent = cli("deliver", "--date", "2022-10-23", "--resend");
        assertThat(resent.exitCode()).as(resent.err()).isZero();
        assertThat(resent.out()).startsWith("revision 1, never mailed before: 3 mails to the lists of today\n");
        assertThat(mailsWithSubject("【反诈日报】2022年10月23日（第296期）")).extracting(MailDeliveryTest::to)
                .containsExactlyInAnyOrder("lisi@example.gov.cn", "zhangsan@example.gov.cn", "zhaoliu@example.gov.cn");
        assertThat(mailsWithSubject("【反诈日报】2022年10月23日（第296期）")).allSatisfy(m -> assertThat(attachments(m).keySet())
                .isNotEmpty().allMatch(name -> name.startsWith("fraudstats-daily-2022-10-23.")));
        assertThat(cli("deliver", "--date", "2022-10-23").out()).isEqualTo("daily 2022-10-23: nothing to send\n");
        // one never published is an error a script can tell from "already mailed" (tester api29: exit 0 either way)
        for (String[] never : new String[][] {{"deliver", "--date", "2022-10-20", "--resend"}, {"deliver", "--date", "2022-10-20"},
                {"deliver", "--date", "2022-10-23", "--kind", "weekly"}}) {
            Run refused = cli(never);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err()).isEqualTo(never.length == 5
                    ? "fraudstats deliver: no weekly bulletin 2022-10-23 was published: nothing to send (rerun --from … --to 2022-10-23 "
                            + "--range publishes it)\n"
                    : "fraudstats deliver: no daily bulletin 2022-10-20 was published: nothing to send (nightly --date or rerun publishes it)\n");
        }
        assertThat(relay.getReceivedMessages()).hasSize(6);
        // files not where the revision was published: said, nothing recorded to wait 6 hours and fail (review)
        assertThat(cli("rerun", "--from", "2022-10-22", "--to", "2022-10-22").exitCode()).isZero();
        Path folder = context.getBean(org.fraudstats.storage.FraudstatsHome.class).defaultOut().resolve("daily/2022-10-22");
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
        assertThat(cli("deliver", "--date", "2022-10-22", "--resend").out()).isEqualTo("revision 1 is not mailed: its PDF is neither in "
                + "the home's output folder nor, in a folder nobody else writes into, in " + folder + " (rerun the period to write it)\n"
                + "daily 2022-10-22: nothing to send\n");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery WHERE date_from = '2022-10-22'", Integer.class)).isZero();
        // published by `rerun --out` into a folder anybody writes into: not mailed from there, said at once; once a
        // rerun has written the home's own copy, mailed with it (tester: retried 6 hours on files it could never attach)
        Path open = org.fraudstats.support.TestPostgres.tempHome();
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Run intoOpen = cli("rerun", "--from", "2022-10-21", "--to", "2022-10-21", "--out", open.toString());
        assertThat(intoOpen.exitCode()).isZero();
        assertThat(intoOpen.err()).contains("warning: --out " + open + " is writable by other users: the portal will not serve its "
                + "files nor a mail attach them; a rerun without --out writes them into the home's folder");
        assertThat(cli("deliver", "--date", "2022-10-21", "--resend").out()).startsWith("revision 1 is not mailed: its PDF is neither in "
                + "the home's output folder nor, in a folder nobody else writes into, in " + open.resolve("daily/2022-10-21"));
        assertThat(cli("rerun", "--from", "2022-10-21", "--to", "2022-10-21").exitCode()).isZero();
        assertThat(cli("deliver", "--date", "2022-10-21", "--resend").out()).startsWith("revision 1, never mailed before: 3 mails to the lists of today\n");
        assertThat(mailsWithSubject("【反诈日报】2022年10月21日（第294期）")).hasSize(3).allSatisfy(m -> assertThat(attachments(m).keySet())
                .isNotEmpty().allMatch(name -> name.startsWith("fraudstats-daily-2022-10-21.")));
        // a weekly or monthly bulletin is named by its last day
        Run notSunday = cli("deliver", "--date", "2022-10-20", "--kind", "weekly", "--resend");
        assertThat(notSunday.exitCode()).isEqualTo(2);
        assertThat(notSunday.err()).contains("--date 2022-10-20 is not a Sunday: a weekly bulletin's date is its last day");
        assertThat(cli("deliver", "--date", "2022-10-30", "--kind", "monthly").err())
                .contains("--date 2022-10-30 is not the last day of its month: a monthly bulletin's date is its last day");
        Run backwards = cli("deliveries", "--from", "2022-10-25", "--to", "2022-10-24");
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).contains("--from 2022-10-25 is after --to 2022-10-24");
    }

    private Run night(String date) {
        return cli("nightly", "--date", date, "--inbox", inbox.toString(), "--out", out.toString());
    }

    private List<MimeMessage> mailsWithSubject(String subject) {
        return Arrays.stream(relay.getReceivedMessages()).filter(m -> subject(m).equals(subject)).toList();
    }

    /** Every received mail, headers, decoded text and attachments alike, holds no account number, clear or masked. */
    private void assertNoAccountNumberInAnyMail() throws Exception {
        Pattern masked = Pattern.compile("6222\\*+5678|\\*{4,}5678");
        Pattern longDigits = Pattern.compile("\\d{12,}");
        MimeMessage[] all = relay.getReceivedMessages();
        assertThat(all).isNotEmpty();
        for (MimeMessage m : all) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            m.writeTo(raw);
            String everything = raw.toString(StandardCharsets.UTF_8) + text(m) + html(m)
                    + new String(String.join("", attachments(m).values().stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList())
                    .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
            // the assertion names the mail, never the number
            assertThat(everything.contains(ACCOUNT)).as("account number in clear in the mail to " + to(m)).isFalse();
            assertThat(masked.matcher(everything).find()).as("masked account number in the mail to " + to(m)).isFalse();
            assertThat(longDigits.matcher(text(m) + html(m) + subject(m)).find()).as("a 12-digit run in the mail to " + to(m)).isFalse();
            // nor in its headers and boundary lines: JavaMail's boundaries held the send time, 13 digits (r35a)
            String structure = raw.toString(StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("--") || line.contains("boundary=") || line.matches("^[A-Za-z-]+:.*"))
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertThat(structure).as("the MIME structure of the mail to " + to(m)).contains("=_fraudstats_").doesNotContainPattern("\\d{12,}");
        }
    }

    private static String to(MimeMessage m) {
        try {
            Address[] to = m.getRecipients(MimeMessage.RecipientType.TO);
            return ((InternetAddress) to[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) throws Exception {
        return find(part, "text/plain");
    }

    private static String html(Part part) throws Exception {
        return find(part, "text/html");
    }

    private static String find(Part part, String type) throws Exception {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static java.util.Map<String, byte[]> attachments(Part part) throws Exception {
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
        collect(part, files);
        return files;
    }

    private static void collect(Part part, java.util.Map<String, byte[]> files) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), files);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            try (InputStream in = ((BodyPart) part).getInputStream()) {
                files.put(part.getFileName(), in.readAllBytes());
            }
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768-60999): the relay is stopped and started again by several
     * tests, and a port of that range, free when chosen, was taken meanwhile as the local port of an outgoing
     * connection (the test's own to PostgreSQL), so the relay could not start again ("Address already in use"; CI).
     */
    private static int freePort() {
        int first = 20000 + new java.util.Random().nextInt(10000);
        for (int port = first; port < first + 2000; port++) {
            try (ServerSocket socket = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // the next one
            }
        }
        throw new IllegalStateException("no free port in " + first + ".." + (first + 1999));
    }

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("distribution", ".yml");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
