package org.fraudstats.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The five roles of web.md, one per user. Administrators and auditors are separate people (MLPS 2.0 level 3):
 * no role both manages users and reads the audit log.
 */
public enum Role {
    LEADER("领导"), STATISTICIAN("统计人员"), PRESS("宣传人员"), ADMIN("系统管理员"), AUDITOR("安全审计员");

    private final String chineseName;

    Role(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name on the command line and in the audit log: {@code leader}, {@code statistician}, … */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name a page shows next to who is signed in. */
    public String chineseName() {
        return chineseName;
    }

    /** Spring Security's authority for this role, {@code ROLE_LEADER} and so on (hasRole('LEADER')). */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
