package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The application's pool is asked through {@link OneWaitPerRequest} (without it, the first page asked while the
 * database was out of reach waited 60 s for its 503: r41g), by the transactions and the queries alike, and the pool
 * itself is still found under it.
 */
class OneWaitPerRequestWiringTest extends DatabaseTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyoneAsksThePoolThroughOneWaitPerRequest() throws Exception {
        assertThat(dataSource).isInstanceOf(OneWaitPerRequest.Pool.class);
        assertThat(jdbc.getDataSource()).isSameAs(dataSource);
        assertThat(transactions).isInstanceOfSatisfying(DataSourceTransactionManager.class, tm -> assertThat(tm.getDataSource()).isSameAs(dataSource));
        assertThat(dataSource.isWrapperFor(HikariDataSource.class)).isTrue();
        assertThat(dataSource.unwrap(HikariDataSource.class).isRunning()).isTrue();
    }
}
