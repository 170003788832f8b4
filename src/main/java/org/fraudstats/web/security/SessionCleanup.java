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
}
