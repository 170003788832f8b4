package org.fraudstats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page says the log's codes in the auditor's words; what it has no words for it shows as recorded. */
class AuditWordsTest {

    @Test
    void actionsAndResultsInChinese_reasonsToo_theRestAsRecorded() {
        assertThat(AuditWords.action("sign-in")).isEqualTo("登录");
        assertThat(AuditWords.action("rerun-dry-run")).isEqualTo("重新生成（预演）");
        assertThat(AuditWords.action("something-new")).isEqualTo("something-new");
        assertThat(AuditWords.action("cli-rerun")).isEqualTo("命令行 rerun");
        assertThat(AuditWords.result("failure: exit 2")).isEqualTo("失败：退出码 2");
        // a change of a user refused on the command line, with why (r42b)
        assertThat(AuditWords.result("failure: exit 2: password too short: at least 12 characters and three of upper case, lower case, "
                + "digit, other")).isEqualTo("失败：退出码 2：密码太短");
        assertThat(AuditWords.result("failure: exit 2: something new")).isEqualTo("失败：退出码 2：something new");

        assertThat(AuditWords.result("success")).isEqualTo("成功");
        // publications, mails and the end of a rerun whose process died (r44b), in the page's words (review r44f)
        assertThat(AuditWords.action("publish")).isEqualTo("发布通报");
        assertThat(AuditWords.action("mail")).isEqualTo("邮寄通报");
        assertThat(AuditWords.result("success: job execution 67")).isEqualTo("成功：作业编号 67");
        assertThat(AuditWords.result("sent")).isEqualTo("已发送");
        assertThat(AuditWords.result("sent: written as an .eml file (no relay)")).isEqualTo("已发送：未配置邮件中继，已写成 .eml 文件");
        assertThat(AuditWords.result("not sent: superseded by r3")).isEqualTo("未发送：已有第3版，本版不再发送");
        assertThat(AuditWords.result("failure: given up after 6 hours: 550 5.1.1 user unknown"))
                .isEqualTo("失败：6 小时内未能送出，已放弃：550 5.1.1 user unknown");
        assertThat(AuditWords.result("failure: ended without finishing (its process died); marked failed, restartable"))
                .isEqualTo("失败：未完成即中断（进程已终止），已标为失败，可重新启动");
        // a form without its CSRF token, not 无权限 as a role refused (tester 30a, review 30b)
        assertThat(AuditWords.result("403: no valid CSRF token")).isEqualTo("403 表单令牌无效（页面打开过久、已退出登录，或由其他网站提交）");
        assertThat(AuditWords.result("403")).isEqualTo("403 无权限");
        assertThat(AuditWords.result("failure: wrong password")).isEqualTo("失败：密码错误");
        assertThat(AuditWords.result("refused: locked until 2026-12-03T10:15:00+08:00")).isEqualTo("拒绝：锁定至 2026-12-03T10:15:00+08:00");
        assertThat(AuditWords.result("locked until 2026-12-03T10:15:00+08:00")).isEqualTo("锁定至 2026-12-03T10:15:00+08:00");
        assertThat(AuditWords.result("ended: role changed")).isEqualTo("会话结束：角色已变更");
        assertThat(AuditWords.result("ended: replaced by a newer sign-in")).isEqualTo("会话结束：已在别处登录（每个账号最多 3 处）");
        assertThat(AuditWords.result("ended: idle for 30 minutes since 2026-12-05T09:45:12+08:00"))
                .isEqualTo("会话结束：闲置 30 分钟自动退出（最后一次访问 2026-12-05T09:45:12+08:00）");
        assertThat(AuditWords.result("ended: idle for 150 seconds since 2026-12-05T09:45:12+08:00"))
                .isEqualTo("会话结束：闲置 150 秒自动退出（最后一次访问 2026-12-05T09:45:12+08:00）");
        assertThat(AuditWords.result("failure: TOTP key not readable under this account key")).isEqualTo("失败：动态口令密钥无法用本系统的账号密钥读出");
        assertThat(AuditWords.result("refused: at most 30 days for auditor")).isEqualTo("拒绝：安全审计员的令牌最长 30 天");
        assertThat(AuditWords.result("403")).isEqualTo("403 无权限");
        assertThat(AuditWords.result("refused: user x exists already")).isEqualTo("拒绝：user x exists already");
        assertThat(AuditWords.result("exit 2")).isEqualTo("exit 2");
        assertThat(AuditWords.result("refused: the new password is the current one: choose another")).isEqualTo("拒绝：新密码与当前密码相同");
        assertThat(AuditWords.result("refused: password too weak: it holds the user name")).isEqualTo("拒绝：密码含用户名");
        assertThat(AuditWords.result("refused: password too weak: it needs three of upper case, lower case, digit, other (it has 1)"))
                .isEqualTo("拒绝：密码太弱");
        // the days a rerun's bulletins say 数据未到 for, as a bulletin's notice names them
        assertThat(AuditWords.result("success: data not arrived: 2022-10-03, 2022-10-05 and 2022-10-07"))
                .isEqualTo("成功：数据未到：2022-10-03、2022-10-05、2022-10-07（通报中已标明）");
        assertThat(AuditWords.result("success: days rendered: 31; bulletins published: 3; data not arrived: 2022-10-03 and 4 more days"))
                .isEqualTo("成功：生成 31 天，发布通报 3 期（首发或更正版）；数据未到：2022-10-03 等 5 天（通报中已标明）");
        assertThat(AuditWords.result(null)).isEmpty();
    }
}
