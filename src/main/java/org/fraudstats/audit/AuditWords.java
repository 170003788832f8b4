package org.fraudstats.audit;

import java.util.List;
import java.util.Map;

import org.fraudstats.settings.BusinessTime;

/**
 * The audit log's codes in the auditor's words, for the page: the log keeps the codes (sign-in, failure: wrong
 * password), which `audit` and the API export and the page's filters match, and the page says each in Chinese
 * beside it. A code not listed here is shown as recorded.
 */
public final class AuditWords {

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("sign-in", "登录"),
            Map.entry("sign-out", "退出登录"),
            Map.entry("lockout", "锁定账号"),
            Map.entry("request", "访问"),
            Map.entry("user-add", "新增用户"),
            Map.entry("user-disable", "停用用户"),
            Map.entry("user-enable", "重新启用用户"),
            Map.entry("user-password", "设置密码"),
            Map.entry("user-totp", "登记动态口令"),
            Map.entry("user-role", "变更角色"),
            Map.entry("token-create", "创建令牌"),
            Map.entry("token-revoke", "吊销令牌"),
            Map.entry("download", "下载文件"),
            Map.entry("view-bulletin", "查看通报"),
            Map.entry("list-bulletins", "浏览通报目录"),
            Map.entry("read-figures", "查询数字"),
            Map.entry("read-headline", "查询新闻口径"),
            Map.entry("read-rejects", "查看拒收记录"),
            Map.entry("read-audit", "查看审计日志"),
            Map.entry("read-users", "查看用户列表"),
            Map.entry("rerun", "重新生成通报"),
            Map.entry("rerun-dry-run", "重新生成（预演）"),
            Map.entry("rerun-stop", "停止重新生成"),
            Map.entry("rerun-restart", "继续重新生成"),
            Map.entry("rollups-repair", "修复日汇总"),
            Map.entry("publish", "发布通报"),
            Map.entry("mail", "邮寄通报"),
            Map.entry("serve-start", "启动门户及定时任务"),
            Map.entry("serve-stop", "停止门户及定时任务"));

    private static final Map<String, String> RESULTS = Map.ofEntries(
            Map.entry("success", "成功"),
            Map.entry("failure", "失败"),
            Map.entry("refused", "拒绝"),
            Map.entry("pending", "待完成"),
            Map.entry("requested", "已提交"),
            Map.entry("started", "已开始"),
            Map.entry("sent", "已发送"),
            Map.entry("not sent", "未发送"),
            Map.entry("busy", "繁忙，未受理"),
            Map.entry("not-published", "未发布"),
            Map.entry("not-modified", "未变（304）"),
            Map.entry("stopping", "正在停止"),
            Map.entry("stopped", "已停止"),
            Map.entry("ended", "会话结束"),
            Map.entry("400", "400 请求有误"),
            Map.entry("401", "401 未登录"),
            Map.entry("403", "403 无权限"));

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("data not arrived", "数据未到，按数据未到发布"),
            Map.entry("unknown user", "用户不存在"),
            Map.entry("disabled", "账号已停用"),
            Map.entry("locked", "账号已锁定"),
            Map.entry("wrong password", "密码错误"),
            Map.entry("lock of the sign-ins tried before the first key lifted", "首次登记动态口令，解除此前登录尝试造成的锁定"),
            Map.entry("wrong current password", "当前密码错误"),
            Map.entry("wrong TOTP code", "动态口令错误"),
            Map.entry("no TOTP code", "未填动态口令"),
            Map.entry("TOTP code already used", "动态口令已用过（重放或重复输入）"),
            Map.entry("no TOTP enrolled", "未登记动态口令"),
            Map.entry("no pending TOTP enrolment", "没有待登记的动态口令"),
            Map.entry("TOTP enrolment", "待登记动态口令"),
            Map.entry("TOTP enrolment confirmed", "动态口令已登记"),
            Map.entry("own account", "不能操作本人账号"),
            Map.entry("rollups differ from the facts", "日汇总与明细数据不一致，须先修复（verify --repair）"),
            Map.entry("separation of duties", "职责分离"),
            Map.entry("unknown role", "未知角色"),
            Map.entry("removed", "用户已删除"),
            Map.entry("role changed", "角色已变更"),
            Map.entry("TOTP key reset", "动态口令已重新登记"),
            Map.entry("password changed", "密码已重设"),
            Map.entry("shown inline", "页面内显示"),
            Map.entry("head only", "仅取文件信息（HEAD），未传送内容"),
            Map.entry("no bulletin yet", "该日及以后的日报尚未发布"),
            Map.entry("before the records", "时段早于最早记录"),
            Map.entry("data not arrived yet", "时段内有数据未到的日期"),
            Map.entry("changed since published", "数据在通报发布后有更新，尚未重新发布"),
            Map.entry("arrived since published", "通报发布时数据未到，现已到达，尚未重新发布"),
            Map.entry("an amount of 10 billion yuan or more", "数据中有 100 亿元以上的金额（可能是账号误填入金额栏）"),
            Map.entry("replaced by a newer sign-in", "已在别处登录（每个账号最多 3 处）"),
            Map.entry("TOTP key not readable under this account key", "动态口令密钥无法用本系统的账号密钥读出"),
            Map.entry("token expired or revoked", "令牌已过期或已吊销"),
            Map.entry("out of range", "超出范围"),
            Map.entry("the repeat differs", "两次输入不一致"),
            Map.entry("already changed to this password", "此前已改为这个新密码（表单重复提交，不计为密码错误）"),
            Map.entry("token older than 30 days for admin", "系统管理员的令牌超过 30 天"),
            Map.entry("token older than 30 days for auditor", "安全审计员的令牌超过 30 天"),
            Map.entry("at most 30 days for admin", "系统管理员的令牌最长 30 天"),
            Map.entry("at most 30 days for auditor", "安全审计员的令牌最长 30 天"),
            Map.entry("written as an .eml file (no relay)", "未配置邮件中继，已写成 .eml 文件"),
            Map.entry("ended without finishing (its process died); marked failed, restartable", "未完成即中断（进程已终止），已标为失败，可重新启动"));

    /** By the start of the reason, the longest first where one starts another. */
    private static final List<Map.Entry<String, String>> WEAK_PASSWORDS = List.of(
            Map.entry("password too short", "密码太短"),
            Map.entry("password too long", "密码太长"),
            Map.entry("password too weak: it holds the user name", "密码含用户名"),
            Map.entry("password too weak", "密码太弱"),
            Map.entry("the new password is the current one", "新密码与当前密码相同"));

    /**
     * How a rerun asked on the portal or the API ended, recorded by its thread when it has (tester: the audit log said
     * a rerun was requested and started, never what it published).
     */
    public static final org.fraudstats.settings.LineTemplate RERUN_DONE =
            new org.fraudstats.settings.LineTemplate("days rendered: %s; bulletins published: %s");
    /**
     * The same, of a rerun whose bulletins say 数据未到 for some of its days: done as asked, but not whole, as the schedule
     * records such a night (success: data not arrived); it was plain success, and an auditor could not tell it apart.
     */
    public static final org.fraudstats.settings.LineTemplate RERUN_DONE_NOT_ARRIVED =
            new org.fraudstats.settings.LineTemplate("days rendered: %s; bulletins published: %s; data not arrived: %s");
    /** A command's success with what it left incomplete (cli-rerun of days whose data had not arrived). */
    public static final org.fraudstats.settings.LineTemplate NOT_ARRIVED_DAYS =
            new org.fraudstats.settings.LineTemplate("data not arrived: %s");

    private static final String LOCKED_UNTIL = "locked until ";
    /** A request refused for want of its CSRF token (web/security/Refusals). */
    private static final String CSRF = "403: no valid CSRF token";
    /** A command run on the server (cli/CommandAudit): cli-rerun, cli-ingest… */
    private static final String COMMAND_LINE = "cli-";
    /** A night, week or month a schedule of serve has done (schedule/ScheduleRunner): schedule-nightly, schedule-weekly… */
    private static final String SCHEDULE = "schedule-";
    private static final String EXIT = "exit ";
    private static final java.util.regex.Pattern JOB_EXECUTION = java.util.regex.Pattern.compile("job execution (\\d+)");
    private static final java.util.regex.Pattern SUPERSEDED = java.util.regex.Pattern.compile("superseded by r(\\d+)");
    private static final String GIVEN_UP = "given up after 6 hours: ";
    /** A session ended by the database when it was idle (sql/migration/V33). */
    private static final java.util.regex.Pattern IDLE = java.util.regex.Pattern.compile("idle for (\\d+) (minutes|seconds) since (\\S+)");

    private AuditWords() {
    }

    /** 登录 for sign-in; the code itself when it has no name here. */
    public static String action(String code) {
        if (code != null && code.startsWith(COMMAND_LINE)) {
            return "命令行 " + code.substring(COMMAND_LINE.length()).replace('-', ' ');
        }
        if (code != null && code.startsWith(SCHEDULE)) {
            return "定时任务 " + code.substring(SCHEDULE.length());
        }
        return ACTIONS.getOrDefault(code, code);
    }

    /** 失败：密码错误 for "failure: wrong password", 锁定至 … for "locked until …"; a reason not listed stays as recorded. */
    public static String result(String recorded) {
        if (recorded == null) {
            return "";
        }
        if (recorded.startsWith(LOCKED_UNTIL)) {
            return lockedUntil(recorded);
        }
        if (recorded.equals(CSRF)) {
            // not 无权限 (no permission): what it was recorded apart from a role's refusal for
            return "403 表单令牌无效（页面打开过久、已退出登录，或由其他网站提交）";
        }
        int colon = recorded.indexOf(": ");
        String word = colon < 0 ? recorded : recorded.substring(0, colon);
        String said = RESULTS.get(word);
        if (said == null) {
            return recorded;
        }
        return colon < 0 ? said : said + "：" + reason(recorded.substring(colon + 2));
    }

    private static String reason(String reason) {
        if (reason.startsWith(LOCKED_UNTIL)) {
            return lockedUntil(reason);
        }
        java.util.regex.Matcher idle = IDLE.matcher(reason);
        if (idle.matches()) {
            // a limit not of whole minutes in seconds (V41), as it was set
            return "闲置 " + idle.group(1) + (idle.group(2).equals("minutes") ? " 分钟" : " 秒") + "自动退出（最后一次访问 " + idle.group(3) + "）";
        }
        // before RERUN_DONE, whose last hole would take the days in too
        List<String> partly = RERUN_DONE_NOT_ARRIVED.holes(reason);
        if (partly != null) {
            return "生成 " + partly.get(0) + " 天，发布通报 " + partly.get(1) + " 期（首发或更正版）；数据未到：" + BusinessTime.daysNamedInChinese(partly.get(2)) + "（通报中已标明）";
        }
        List<String> missing = NOT_ARRIVED_DAYS.holes(reason);
        if (missing != null) {
            return "数据未到：" + BusinessTime.daysNamedInChinese(missing.get(0)) + "（通报中已标明）";
        }
        List<String> done = RERUN_DONE.holes(reason);
        if (done != null) {
            return "生成 " + done.get(0) + " 天，发布通报 " + done.get(1) + " 期（首发或更正版）";
        }
        // publications, mails and their ends (r44b), said as the page's other results are (review r44f)
        java.util.regex.Matcher run = JOB_EXECUTION.matcher(reason);
        if (run.matches()) {
            return "作业编号 " + run.group(1);
        }
        java.util.regex.Matcher superseded = SUPERSEDED.matcher(reason);
        if (superseded.matches()) {
            return "已有第" + superseded.group(1) + "版，本版不再发送";
        }
        if (reason.startsWith(GIVEN_UP)) {
            return "6 小时内未能送出，已放弃：" + reason.substring(GIVEN_UP.length());
        }
        if (reason.startsWith(EXIT)) {
            // a refused change of a user says why after its code (cli/CommandAudit): exit 2: password too short: …
            int why = reason.indexOf(": ");
            return why < 0 ? "退出码 " + reason.substring(EXIT.length())
                    : "退出码 " + reason.substring(EXIT.length(), why) + "：" + reason(reason.substring(why + 2));
        }
        // a refused new password (access/PasswordPolicy): its kind, the detail stays in the code below it
        for (Map.Entry<String, String> weak : WEAK_PASSWORDS) {
            if (reason.startsWith(weak.getKey())) {
                return weak.getValue();
            }
        }
        return REASONS.getOrDefault(reason, reason);
    }

    /** 锁定至 2026-12-03T10:15:00+08:00, of a lockout's result or a sign-in refused during one. */
    private static String lockedUntil(String text) {
        return "锁定至 " + text.substring(LOCKED_UNTIL.length());
    }
}
