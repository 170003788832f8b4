package org.fraudstats.web.security;

import org.fraudstats.access.Users;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When `serve` starts, the TOTP keys an earlier version left in clear are sealed (Users.sealClearTotpKeys): a key is
 * otherwise sealed only at its user's next accepted code, and a dormant administrator's stayed readable (review).
 * Only the portal's process does it, not every command: it is the process every deployment runs.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ClearTotpKeys {

    private final Users users;

    ClearTotpKeys(Users users) {
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seal() {
        int sealed = users.sealClearTotpKeys();
        if (sealed > 0) {
            LoggerFactory.getLogger(ClearTotpKeys.class).info("{} TOTP keys enrolled before this version sealed under the account key", sealed);
        }
    }
}
