package org.fraudstats.web.security;

import org.fraudstats.storage.SqlFiles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session's cleanup of expired sessions reads the database's clock, the one the V33 trigger that records an
 * idle session's end reads: with the application's, a session that expired within the two clocks' difference was
 * deleted without its record (review). The next request with an expired cookie still judges by the application's
 * clock (Spring Session's own check), so a skew of milliseconds leaves only such a request, in those milliseconds,
 * unrecorded.
 */
@Configuration(proxyBeanMethods = false)
class SessionCleanup {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> expiredSessionsByTheDatabasesClock() {
        return repository -> repository.setDeleteSessionsByExpiryTimeQuery(SqlFiles.load("access/delete-expired-sessions.sql"));
    }

    /**
     * A session attribute two requests of one session add at once is written once, the later value kept: Spring
     * Session's plain INSERT of the second broke the primary key and its request answered 500 (r40f: parallel form
     * posts from one tab). Spring Session's own upsert for PostgreSQL.
     */
    @Bean
    org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer attributesWrittenOnceByConcurrentRequests() {
        return new org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
