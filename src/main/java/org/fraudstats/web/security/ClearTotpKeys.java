package org.fraudstats.web.security;

import org.fraudstats.access.Users;
import org.fraudstats.storage.AccountKeyCheck;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * When `serve` starts, before it listens, its account key is compared with the database's: a home restored without
 * its account.key gets a new one, under which no enrolled administrator or auditor could sign in and the next night's
 * load would be refused, so `serve` refuses to start, in one line. Then the TOTP keys an earlier version left in
 * clear are sealed (Users.sealClearTotpKeys): a key is otherwise sealed only at its user's next accepted code, and a
 * dormant administrator's stayed readable (review). Only the portal's process does it, not every command: it is the
 * process every deployment runs.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ClearTotpKeys implements SmartInitializingSingleton {

    private final Users users;
    private final AccountKeyCheck accountKeyCheck;

    ClearTotpKeys(Users users, AccountKeyCheck accountKeyCheck) {
        this.users = users;
        this.accountKeyCheck = accountKeyCheck;
    }

    @Override
    public void afterSingletonsInstantiated() {
        accountKeyCheck.check("the portal was not started");
        int sealed = users.sealClearTotpKeys();
        if (sealed > 0) {
            LoggerFactory.getLogger(ClearTotpKeys.class).info("{} TOTP keys enrolled before this version sealed under the account key", sealed);
        }
    }
}
