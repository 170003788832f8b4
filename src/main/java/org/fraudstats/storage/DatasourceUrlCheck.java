package org.fraudstats.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * A SPRING_DATASOURCE_URL written as libpq writes it, with its user and password before the host
 * (jdbc:postgresql://app:PASSWORD@db:5432/fraudstats), is refused before anything connects: JDBC reads no user there,
 * took "app:PASSWORD@db" for the host's name, and the error line printed it, password and all, into the journal
 * (r43b).
 */
@Component
class DatasourceUrlCheck implements BeanPostProcessor {

    /**
     * An @ before the URL's first parameter's =: a password may hold / ? or # (a generated one often does), which end
     * the host for the driver but not for the eye (review r43e); a database named with an @ is refused with it.
     */
    private static final java.util.regex.Pattern USER_BEFORE_HOST = java.util.regex.Pattern.compile("(?is)\\s*jdbc:postgresql:[^=]*@.*");

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && USER_BEFORE_HOST.matcher(pool.getJdbcUrl()).matches()) {
            throw new DatabaseUnavailable("SPRING_DATASOURCE_URL names a user (and password) before its host, which JDBC "
                    + "does not read there: write jdbc:postgresql://HOST:5432/DATABASE and give them as SPRING_DATASOURCE_USERNAME "
                    + "and SPRING_DATASOURCE_PASSWORD");
        }
        return bean;
    }
}
