package org.fraudstats.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every connection of the pool names its process to PostgreSQL ({@code application_name = fraudstats 12873 @host}):
 * pgjdbc's default, "PostgreSQL JDBC Driver", left a DBA unable to tell serve from a rerun, or one node from another,
 * in pg_stat_activity and the server's log (tester of an external server). Set before the pool opens its first
 * connection, for the embedded pool and Boot's alike.
 */
@Component
class ApplicationName implements BeanPostProcessor {

    /** PostgreSQL keeps 63 bytes of it. */
    private static final int LONGEST = 63;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        // a pool made from a HikariConfig is running, and sealed, from its constructor on: the embedded one names
        // itself there (EmbeddedDatabaseConfiguration)
        if (bean instanceof HikariDataSource pool && !pool.isRunning() && !pool.getDataSourceProperties().containsKey("ApplicationName")) {
            pool.addDataSourceProperty("ApplicationName", name());
        }
        return bean;
    }

    static String name() {
        String name = "fraudstats " + ProcessHandle.current().pid() + " @" + HostName.of();
        return name.length() > LONGEST ? name.substring(0, LONGEST) : name;
    }
}
