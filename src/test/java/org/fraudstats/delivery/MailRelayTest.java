package org.fraudstats.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Without spring.mail.host (the demo), a mail is written as an .eml file beside its bulletin, Message-ID included; with one, what the relay accepted is sent. */
class MailRelayTest {

    @TempDir
    Path bulletinFolder;

    /** The shapes in which Spring and Angus Mail report a relay that did not answer: each stops a delivery pass. */
    @Test
    void aRelayThatDidNotAnswerIsToldFromOneThatRefused() {
        MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
        // connecting or reading: the cause of "Mail server connection failed", or the message's exception
        assertThat(MailRelay.timedOut(new MailSendException("Mail server connection failed", new MessagingException(
                "Could not connect to SMTP host", new java.net.SocketTimeoutException("Connect timed out"))))).isTrue();
        assertThat(MailRelay.timedOut(new MailSendException(Map.of(message, new MessagingException(
                "Exception reading response", new java.net.SocketTimeoutException("Read timed out")))))).isTrue();
        // writing the data: Angus Mail's TimeoutOutputStream throws a plain IOException
        assertThat(MailRelay.timedOut(new MailSendException(Map.of(message, new MessagingException(
                "IOException while sending message", new java.io.IOException("Write timed out")))))).isTrue();
        // refused, fast: tried mail by mail as before
        assertThat(MailRelay.timedOut(new MailSendException("Mail server connection failed", new MessagingException(
                "Could not connect to SMTP host", new java.net.ConnectException("Connection refused"))))).isFalse();
        assertThat(MailRelay.timedOut(new MailSendException(Map.of(message, new MessagingException("550 5.1.1 user unknown"))))).isFalse();
    }

    /**
     * The shipped settings require STARTTLS (r44d: anyone on the path could strip the offer and read the bulletin in
     * clear), so a relay without it refuses every mail, with what to do on the mail's row.
     */
    @Test
    void aRelayWithoutStarttlsIsRefusedAsTheShippedSettingsRequireIt() throws Exception {
        java.util.Properties shipped = new java.util.Properties();
        try (java.io.InputStream in = MailRelayTest.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        assertThat(shipped.getProperty("spring.mail.properties.mail.smtp.starttls.required")).isEqualTo("true");
        com.icegreen.greenmail.util.GreenMail plain = new com.icegreen.greenmail.util.GreenMail(
                com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());
        plain.start();
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(plain.getSmtp().getPort());
            sender.getJavaMailProperties().setProperty("mail.smtp.starttls.enable", "true");
            sender.getJavaMailProperties().setProperty("mail.smtp.starttls.required",
                    shipped.getProperty("spring.mail.properties.mail.smtp.starttls.required"));
            MailRelay relay = new MailRelay(new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class));
            MimeMessage message = relay.newMessage("<daily.2022-10-24.r1.0.0123456789abcdef@fraudstats>");
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom("stats@example.gov.cn");
            helper.setTo("zhangsan@example.gov.cn");
            helper.setSubject("日报");
            helper.setText("正文");

            assertThatThrownBy(() -> relay.send(message, bulletinFolder, "delivery-8"))
                    .isInstanceOfSatisfying(MailSendException.class, e -> assertThat(MailRelay.failure(e)).startsWith(
                            "the relay offers no STARTTLS, which is required so that no bulletin crosses the network in clear "
                                    + "(a relay without TLS: spring.mail.properties.mail.smtp.starttls.required=false; README, Mail): ")
                            .contains("STARTTLS is required but host does not support STARTTLS"));
            assertThat(plain.getReceivedMessages()).isEmpty();
        } finally {
            plain.stop();
        }
    }

    /** The name said to the relay is the kernel's, not looked up in DNS at each connection (review r43e). */
    @Test
    void theRelayIsGreetedWithTheMachinesNameAsTheKernelHoldsIt() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("relay.example.gov.cn");
        MailRelay relay = new MailRelay(new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class));
        assertThat(relay.relays()).isTrue();
        assertThat(sender.getSession().getProperty("mail.smtp.localhost")).isEqualTo(org.fraudstats.storage.HostName.of());
        // a deployment's own setting wins
        JavaMailSenderImpl named = new JavaMailSenderImpl();
        named.getJavaMailProperties().setProperty("mail.smtp.localhost", "fs-mail-01");
        new MailRelay(new StaticListableBeanFactory(Map.of("mailSender", named)).getBeanProvider(JavaMailSender.class));
        assertThat(named.getSession().getProperty("mail.smtp.localhost")).isEqualTo("fs-mail-01");
    }

    @Test
    void withoutARelayTheMailIsAnEmlFileNextToTheBulletin() throws Exception {
        MailRelay relay = new MailRelay(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class));
        MimeMessage message = relay.newMessage("<daily.2022-10-24.r1.0.0123456789abcdef@fraudstats>");
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(new InternetAddress("stats@example.gov.cn", "反诈中心数据专班", "UTF-8"));
        helper.setTo(new InternetAddress("zhangsan@example.gov.cn", "张三", "UTF-8"));
        helper.setSubject(BulletinMails.subject("daily", java.time.LocalDate.of(2022, 10, 24), java.time.LocalDate.of(2022, 10, 24), 2));
        helper.setText("正文", "<p>正文</p>");

        String where = relay.send(message, bulletinFolder, "delivery-7");

        Path eml = bulletinFolder.resolve("mail/delivery-7.eml");
        assertThat(where).isEqualTo(eml.toString());
        // the bulletin inside is readable by the owner and the group only, as the bulletin on disk is
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(eml))).isEqualTo("rw-r-----");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(eml.getParent()))).isEqualTo("rwxr-x---");
        MimeMessage read = new MimeMessage(null, Files.newInputStream(eml));
        assertThat(read.getMessageID()).isEqualTo("<daily.2022-10-24.r1.0.0123456789abcdef@fraudstats>");
        assertThat(read.getSubject()).isEqualTo("【反诈日报·更正】2022年10月24日（第297期，第2版）");
        assertThat(Files.readString(eml, StandardCharsets.ISO_8859_1)).doesNotContain("正文");
        assertThat(Files.list(bulletinFolder.resolve("mail"))).containsExactly(eml);
    }

    /** A mail that cannot be written whole (a full disk) leaves nothing beside the bulletin, not half a mail. */
    @Test
    void aMailThatCannotBeWrittenLeavesNoPartOfItBehind() throws Exception {
        MailRelay relay = new MailRelay(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class));
        MimeMessage message = relay.newMessage("<daily.2022-10-24.r1.0.0123456789abcdef@fraudstats>");
        message.setSubject("日报");
        // the attachment's bytes fail half way, as a write to a full disk does
        message.setDataHandler(new jakarta.activation.DataHandler(new jakarta.activation.DataSource() {
            @Override
            public java.io.InputStream getInputStream() {
                return new java.io.InputStream() {
                    private int given;

                    @Override
                    public int read() throws java.io.IOException {
                        if (given++ > 1000) {
                            throw new java.io.IOException("No space left on device");
                        }
                        return 'x';
                    }
                };
            }

            @Override
            public java.io.OutputStream getOutputStream() {
                throw new UnsupportedOperationException();
            }

            @Override
            public String getContentType() {
                return "application/pdf";
            }

            @Override
            public String getName() {
                return "daily.pdf";
            }
        }));

        assertThatThrownBy(() -> relay.send(message, bulletinFolder, "delivery-8")).hasStackTraceContaining("No space left on device");

        assertThat(Files.list(bulletinFolder.resolve("mail"))).isEmpty();
    }

    @Test
    void subjectsOfEveryProduct() {
        java.time.LocalDate mon = java.time.LocalDate.of(2022, 10, 17);
        java.time.LocalDate sun = java.time.LocalDate.of(2022, 10, 23);
        assertThat(BulletinMails.subject("daily", sun, sun, 1)).isEqualTo("【反诈日报】2022年10月23日（第296期）");
        assertThat(BulletinMails.subject("weekly", mon, sun, 1)).isEqualTo("【反诈周报】2022年10月17日至10月23日");
        assertThat(BulletinMails.subject("weekly", mon, sun, 3)).isEqualTo("【反诈周报·更正】2022年10月17日至10月23日（第3版）");
        assertThat(BulletinMails.subject("monthly", java.time.LocalDate.of(2022, 10, 1), java.time.LocalDate.of(2022, 10, 31), 1))
                .isEqualTo("【反诈月报】2022年10月1日至10月31日");
    }

    /**
     * A relay that accepts a message (250 to its data) and then breaks the connection as it is closed (a tester's
     * server): the mail is sent, not pending, or the next pass mails the leader again.
     */
    @Test
    void aMessageAcceptedBeforeTheConnectionBrokeIsSent_aFailedOneIsNot() throws Exception {
        MailRelay closing = relay(new MailSendException("Failed to close server connection after message sending",
                new MessagingException("[EOF]")));
        assertThat(closing.send(closing.newMessage("<daily.2022-10-24.r1.0.ab@fraudstats>"), Path.of("unused"), "delivery-1")).isEqualTo("relay");

        MimeMessage message = new DeliveryMessage(new JavaMailSenderImpl().getSession(), "<daily.2022-10-24.r1.0.cd@fraudstats>");
        MailRelay refusing = relay(new MailSendException("Failed to close server connection after message failures",
                new MessagingException("[EOF]"), Map.of(message, new MessagingException("550 no such user"))));
        assertThatThrownBy(() -> refusing.send(message, Path.of("unused"), "delivery-2")).isInstanceOf(MailSendException.class);
        MailRelay down = relay(new MailSendException("Mail server connection failed", new MessagingException("Connection refused")));
        assertThatThrownBy(() -> down.send(message, Path.of("unused"), "delivery-3")).isInstanceOf(MailSendException.class);
    }

    private static MailRelay relay(MailSendException thrown) {
        JavaMailSender sender = new JavaMailSenderImpl() {
            @Override
            public void send(MimeMessage message) {
                throw thrown;
            }

            @Override
            public void send(MimeMessage... messages) {
                throw thrown;
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("sender", sender));
        return new MailRelay(beans.getBeanProvider(JavaMailSender.class));
    }

    /** The same with a relay that does it: 250 to the message's data, then the connection closed before QUIT's answer. */
    @Test
    void aRelayClosingAfterAcceptingCountsAsSent() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread relay = new Thread(() -> acceptThenClose(server, 2), "closing relay");
            relay.setDaemon(true);
            relay.start();
            JavaMailSenderImpl spring = new JavaMailSenderImpl();
            spring.setHost("127.0.0.1");
            spring.setPort(server.getLocalPort());
            spring.getJavaMailProperties().put("mail.smtp.timeout", "5000");
            // what Spring says of it, which MailRelay recognises: pinned here, so that an upgrade changing it fails a test
            MimeMessage first = mail(spring, "<daily.2022-10-24.r1.0.01@fraudstats>");
            assertThatThrownBy(() -> spring.send(first)).isInstanceOf(MailSendException.class)
                    .hasMessageStartingWith("Failed to close server connection after message sending");

            StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("sender", spring));
            MailRelay mailRelay = new MailRelay(beans.getBeanProvider(JavaMailSender.class));
            assertThat(mailRelay.send(mail(spring, "<daily.2022-10-24.r1.0.02@fraudstats>"), bulletinFolder, "delivery-9")).isEqualTo("relay");
            relay.join(10_000);
        }
    }

    private static MimeMessage mail(JavaMailSenderImpl sender, String messageId) throws Exception {
        MimeMessage message = new DeliveryMessage(sender.getSession(), messageId);
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom("stats@example.gov.cn");
        helper.setTo("zhangsan@example.gov.cn");
        helper.setSubject("日报");
        helper.setText("正文");
        return message;
    }

    private static void acceptThenClose(java.net.ServerSocket server, int connections) {
        for (int i = 0; i < connections; i++) {
            try (java.net.Socket socket = server.accept();
                 java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                 java.io.Writer out = new java.io.OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
                out.write("220 stub\r\n");
                out.flush();
                for (String line; (line = in.readLine()) != null; ) {
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                    if (verb.equals("EHLO")) {
                        out.write("250-stub\r\n250 OK\r\n");
                    } else if (verb.equals("DATA")) {
                        out.write("354 go on\r\n");
                        out.flush();
                        while (!".".equals(in.readLine())) {
                            // the message
                        }
                        out.write("250 queued\r\n");
                        out.flush();
                        socket.setSoLinger(true, 0); // and gone, reset, before QUIT
                        break;
                    } else {
                        out.write("250 OK\r\n");
                    }
                    out.flush();
                }
            } catch (java.io.IOException e) {
                return;
            }
        }
    }
}
