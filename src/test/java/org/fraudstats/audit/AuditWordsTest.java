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

        assertThat(AuditWords.result("success")).isEqualTo("成功");
        assertThat(AuditWords.result("failure: wrong password")).isEqualTo("失败：密码错误");
        assertThat(AuditWords.result("refused: locked until 2026-12-03T10:15:00+08:00")).isEqualTo("拒绝：锁定至 2026-12-03T10:15:00+08:00");
        assertThat(AuditWords.result("locked until 2026-12-03T10:15:00+08:00")).isEqualTo("锁定至 2026-12-03T10:15:00+08:00");
        assertThat(AuditWords.result("ended: role changed")).isEqualTo("会话结束：角色已变更");
        assertThat(AuditWords.result("403")).isEqualTo("403 无权限");
        assertThat(AuditWords.result("refused: user x exists already")).isEqualTo("拒绝：user x exists already");
        assertThat(AuditWords.result("exit 2")).isEqualTo("exit 2");
        assertThat(AuditWords.result(null)).isEmpty();
    }
}
