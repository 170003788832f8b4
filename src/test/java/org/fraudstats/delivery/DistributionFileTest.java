package org.fraudstats.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** jobs/distribution.yml as delivery.md writes it, and each mistake as one line naming the file, entry and problem. */
class DistributionFileTest {

    private static final String CONTRACT = """
            from: "反诈中心数据专班 <stats@example.gov.cn>"
            allowed_domains: [example.gov.cn]      # a recipient outside them is a configuration error
            max_attachment_mb: 10                  # above it the mail carries links instead of files
            lists:
              leadership:
                products: [daily, weekly, monthly] # kinds of bulletin (cli.md, web.md)
                attach: [pdf]
                recipients:
                  - {name: 张三, email: zhangsan@example.gov.cn}
              statisticians:
                products: [daily]
                attach: [pdf, xlsx]
                recipients:
                  - {name: 李四, email: lisi@example.gov.cn}
            """;

    /** delivery.md: "no file: nothing is mailed and nothing fails", a file named by the setting too, said (r40c). */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aFileNamedButMissingMailsNothingAndFailsNothing_saidInAWarning(org.springframework.boot.test.system.CapturedOutput output) {
        var environment = new org.springframework.mock.env.MockEnvironment()
                .withProperty("fraudstats.distribution", "/nonexistent/share/distribution.yml");
        DistributionFile file = new DistributionFile(environment);
        Distribution d = file.read();
        assertThat(d.lists()).isEmpty();
        assertThat(output.getErr()).contains("WARN").contains("/nonexistent/share/distribution.yml: no such file (setting "
                + "fraudstats.distribution): nothing is mailed until it is there again; bulletins published meanwhile are mailed "
                + "then, if within 7 days");
        assertThat(file.missingFile()).contains("/nonexistent/share/distribution.yml");
        // once, not at each of serve's passes every 5 minutes (review r40e); /runs says it meanwhile
        file.read();
        assertThat(output.getErr().split("no such file", -1)).hasSize(2);
    }

    /** A folder where the file should be is named as a folder, not as missing (r40f). */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aFolderNamedIsSaidAsAFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder,
                                     org.springframework.boot.test.system.CapturedOutput output) {
        DistributionFile file = new DistributionFile(new org.springframework.mock.env.MockEnvironment()
                .withProperty("fraudstats.distribution", folder.toString()));
        assertThat(file.read().lists()).isEmpty();
        // (the folder's name is masked in the log: its temporary name holds a long run of digits)
        assertThat(output.getErr()).contains(": a folder, not a file (setting fraudstats.distribution): nothing is mailed")
                .doesNotContain("no such file");
        assertThat(file.missingFile()).contains(folder.toString());
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aMissingFileBackIsSaid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder,
                                org.springframework.boot.test.system.CapturedOutput output) throws java.io.IOException {
        java.nio.file.Path named = folder.resolve("distribution.yml");
        DistributionFile file = new DistributionFile(new org.springframework.mock.env.MockEnvironment()
                .withProperty("fraudstats.distribution", named.toString()));
        assertThat(file.read().lists()).isEmpty();
        java.nio.file.Files.writeString(named, CONTRACT);
        assertThat(file.read().lists()).hasSize(2);
        assertThat(file.missingFile()).isEmpty();
        assertThat(output.getErr()).contains("/distribution.yml: there again: mail goes on");
    }

    @Test
    void readsTheContractsExample() {
        Distribution d = DistributionFile.parse("jobs/distribution.yml", CONTRACT);
        assertThat(d.from()).isEqualTo(new Distribution.Recipient("反诈中心数据专班", "stats@example.gov.cn"));
        assertThat(d.maxAttachmentBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(d.lists()).containsExactly(
                new Distribution.MailingList("leadership", List.of("daily", "weekly", "monthly"), List.of("pdf"),
                        List.of(new Distribution.Recipient("张三", "zhangsan@example.gov.cn"))),
                new Distribution.MailingList("statisticians", List.of("daily"), List.of("pdf", "xlsx"),
                        List.of(new Distribution.Recipient("李四", "lisi@example.gov.cn"))));
    }

    /** A file it cannot read is named with its folder: "distribution.yml" alone left the operator to guess (review). */
    @Test
    void aFileOfTheJobsFolderThatCannotBeReadIsNamedWithItsFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path jobs) throws Exception {
        java.nio.file.Files.write(jobs.resolve("distribution.yml"), new byte[] {'f', 'r', 'o', 'm', ':', ' ', (byte) 0xff, '\n'});
        var environment = new org.springframework.mock.env.MockEnvironment().withProperty("fraudstats.jobs-dir", jobs.toString());

        assertThatThrownBy(() -> new DistributionFile(environment).read()).isInstanceOf(DistributionException.class)
                .hasMessageStartingWith(jobs.resolve("distribution.yml") + ": cannot read: ");
    }

    @Test
    void theShippedExampleIsValid() throws Exception {
        Distribution d = DistributionFile.parse("jobs/distribution.yml.example",
                java.nio.file.Files.readString(java.nio.file.Path.of("jobs/distribution.yml.example")));
        assertThat(d.lists()).extracting(Distribution.MailingList::name).containsExactly("leadership", "statisticians");
    }

    @Test
    void anAddressListedTwiceInAListIsOneRecipient_whateverItsCase() {
        Distribution d = DistributionFile.parse("d.yml", """
                from: "数据专班 <stats@example.gov.cn>"
                allowed_domains: [example.gov.cn]
                lists:
                  leadership:
                    products: [daily]
                    attach: [pdf]
                    recipients:
                      - {name: 张三丰, email: ZhangSan@Example.GOV.CN}
                      - {name: 张三, email: zhangsan@example.gov.cn}
                      - {name: 王五, email: wangwu@example.gov.cn}
                """);
        assertThat(d.lists().get(0).recipients()).containsExactly(new Distribution.Recipient("张三丰", "ZhangSan@Example.GOV.CN"),
                new Distribution.Recipient("王五", "wangwu@example.gov.cn"));
    }

    @Test
    void aNameEndingInATabOrALineBreakIsTakenStripped() {
        // pasted from a spreadsheet, or a YAML block's newline: always taken, and still (review r38g)
        Distribution d = DistributionFile.parse("d.yml", CONTRACT.replace("{name: 张三,", "{name: \"张三\\t\\n\","));
        assertThat(d.lists().get(0).recipients().get(0).name()).isEqualTo("张三");
    }

    @Test
    void anEmptyFileOrNoListsMailsNothing() {
        assertThat(DistributionFile.parse("d.yml", "").lists()).isEmpty();
        assertThat(DistributionFile.parse("d.yml", "max_attachment_mb: 5\n").lists()).isEmpty();
    }

    @Test
    void eachMistakeIsOneLineNamingFileEntryAndProblem() {
        assertProblem(CONTRACT.replace("lisi@example.gov.cn", "lisi@gmail.com"),
                "d.yml: lists.statisticians.recipients[1]: lisi@gmail.com is outside allowed_domains (example.gov.cn)");
        assertProblem(CONTRACT.replace("products: [daily]", "products: [daily, yearly]"),
                "d.yml: lists.statisticians.products: unknown product 'yearly' (known: daily, monthly, weekly)");
        assertProblem(CONTRACT.replace("attach: [pdf]", "attach: [docx]"),
                "d.yml: lists.leadership.attach: unknown format 'docx' (known: pdf, xlsx)");
        assertProblem(CONTRACT.replace("zhangsan@example.gov.cn", "zhangsan"),
                "d.yml: lists.leadership.recipients[1]: 'zhangsan' is not an e-mail address");
        // an address left out, said so (r38a: "'null' is not an e-mail address")
        assertProblem(CONTRACT.replace("{name: 张三, email: zhangsan@example.gov.cn}", "{name: 张三}"),
                "d.yml: lists.leadership.recipients[1].email: missing (each recipient is {name: ..., email: ...})");
        // a name holding a line break: refused, not sent as a To: mail readers refuse (r38a)
        assertProblem(CONTRACT.replace("{name: 张三,", "{name: \"张三\\r\\nBcc: x@example.gov.cn\","),
                "d.yml: lists.leadership.recipients[1].name: holds a control character (a line break or a tab)");
        // a name the To: header would show with an account number in it, or turned round (r39d)
        assertProblem(CONTRACT.replace("{name: 张三,", "{name: 张三 " + "1234".repeat(4) + ","),
                "d.yml: lists.leadership.recipients[1].name: holds 12 or more digits in a row, which read as an account number: "
                        + "no account number goes into a mail (delivery.md)");
        assertProblem(CONTRACT.replace("{name: 张三,", "{name: \"张\u202E三\","),
                "d.yml: lists.leadership.recipients[1].name: holds an invisible or direction-changing character (U+202E)");
        assertProblem(CONTRACT.replace("max_attachment_mb: 10", "max_attachment_mb: lots"),
                "d.yml: max_attachment_mb: 'lots' is not a number of megabytes above 0 and up to 1000");
        assertProblem(CONTRACT.replace("allowed_domains:", "allowed_domain:"),
                "d.yml: allowed_domain: unknown key (known: allowed_domains, from, lists, max_attachment_mb)");
        assertProblem(CONTRACT.replace("    attach: [pdf]\n", "    attach: [pdf]\n    cc: [x]\n"),
                "d.yml: lists.leadership.cc: unknown key (known: attach, products, recipients)");
        assertProblem(CONTRACT.replace("from: \"反诈中心数据专班 <stats@example.gov.cn>\"\n", ""),
                "d.yml: from: missing: the sender's address (\"Name <address>\")");
        // the line and column of the problem, without SnakeYAML's quoted text and caret
        assertThatThrownBy(() -> DistributionFile.parse("d.yml", "from: x\nlists: [\n")).hasMessage("d.yml: not valid YAML: line 3, "
                + "column 1: expected the node content, but found '<stream end>' (while parsing a flow node that starts on line 3, column 1)");
    }

    private static void assertProblem(String yaml, String message) {
        assertThatThrownBy(() -> DistributionFile.parse("d.yml", yaml)).isInstanceOf(DistributionException.class).hasMessage(message);
    }
}
