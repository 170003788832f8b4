package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * An external server whose DBA made every transaction serializable failed every rerun of more than a day (its
 * parallel renders' serialization failures, r43b): the application's connections read committed, as on the embedded
 * server, whatever the server's default.
 */
class ReadCommittedTest extends DatabaseTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Test
    void everyConnectionReadsCommitted_whateverTheServersDefault() throws Exception {
        String database = jdbc.queryForObject("SELECT current_database()", String.class);
        jdbc.execute("ALTER DATABASE " + database + " SET default_transaction_isolation = 'serializable'");
        try {
            // a plain connection now gets the server's default: without it this test would prove nothing
            try (Connection plain = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"))) {
                assertThat(isolation(plain)).isEqualTo("serializable");
            }
            // the application's own pool, started before the change: the connections it makes after it
            HikariDataSource application = dataSource.unwrap(HikariDataSource.class);
            application.getHikariPoolMXBean().softEvictConnections();
            try (Connection pooled = dataSource.getConnection()) {
                assertThat(isolation(pooled)).isEqualTo("read committed");
            }
            // and a pool started after it, whose first connection reports the server's serializable
            com.zaxxer.hikari.HikariConfig same = new com.zaxxer.hikari.HikariConfig();
            application.copyStateTo(same);
            same.setPoolName("read-committed-test");
            same.setMaximumPoolSize(1);
            try (HikariDataSource started = new HikariDataSource(same)) {
                try (Connection pooled = started.getConnection()) {
                    assertThat(isolation(pooled)).isEqualTo("read committed");
                    // a transaction that asked for more (Spring Batch's creation of an execution)
                    pooled.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                }
                // is put back to read committed when returned, not to the server's default
                try (Connection again = started.getConnection()) {
                    assertThat(isolation(again)).isEqualTo("read committed");
                }
            }
        } finally {
            jdbc.execute("ALTER DATABASE " + database + " RESET default_transaction_isolation");
        }
    }

    private static String isolation(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW transaction_isolation")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
