package org.fraudstats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Supplier;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Whether the role the application connects as could rewrite the audit log (r43b), as serve says at its start. */
class AuditLogGuardTest extends DatabaseTest {

    @Autowired
    AuditLogGuard guard;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void saysASuperuserAnOwnersMemberAndNothingOfARoleOfItsOwn() {
        String owner = jdbc.queryForObject("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'audit_event'::regclass", String.class);
        String suffix = Long.toString(System.nanoTime(), 36);
        String app = "guard_app_" + suffix;
        String member = "guard_member_" + suffix;
        jdbc.execute("CREATE ROLE " + app);
        jdbc.execute("CREATE ROLE " + member + " IN ROLE " + owner);
        try {
            // the test server's user is a superuser, as a DBA's postgres would be
            assertThat(guard.weakened()).hasValue("the database role " + owner + " is a superuser");
            assertThat(as(member, guard::weakened)).hasValue("the database role " + member + " is a member of " + owner
                    + ", which owns audit_event");
            assertThat(as(app, guard::weakened)).isEmpty();
            // the owner of the table's schema may drop it, whatever the triggers say (review r43e)
            Optional<String> schemaOwner = transaction.execute(status -> {
                status.setRollbackOnly();
                jdbc.execute("ALTER SCHEMA public OWNER TO " + app);
                jdbc.execute("SET LOCAL ROLE " + app);
                return guard.weakened();
            });
            assertThat(schemaOwner).hasValue("the database role " + app + " owns the schema public of audit_event, or is a member of its owner, "
                    + "and may drop the table");
            // the line a process says at its start
            assertThat(guard.warning()).hasValueSatisfying(line -> assertThat(line).startsWith("warning: the database role "
                    + owner + " is a superuser, so this application could rewrite the audit log"));
        } finally {
            jdbc.execute("DROP ROLE " + member);
            jdbc.execute("DROP ROLE " + app);
        }
    }

    private Optional<String> as(String role, Supplier<Optional<String>> asked) {
        return transaction.execute(status -> {
            jdbc.execute("SET LOCAL ROLE " + role);
            return asked.get();
        });
    }
}
