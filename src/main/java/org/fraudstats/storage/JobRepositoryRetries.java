package org.fraudstats.storage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Spring Batch's job repository records a new job instance, job execution or step execution (its {@code create*}
 * methods) and reads an instance's last execution ({@code getLastJobExecution*}) each in a SERIALIZABLE transaction of
 * its own (REQUIRES_NEW, Batch's default, kept: it is what stops two processes creating the same instance twice).
 * PostgreSQL cancels one of two such transactions that touch the same index pages of batch_* with "could not
 * serialize access due to read/write dependencies among transactions" (SQLState 40001), and asks for the transaction
 * to be retried: reruns of distinct ranges started at the same moment failed to start, or failed once running when
 * the step executions of their days were being created (which left the days created before it marked STARTING).
 * <p>
 * So every call of those methods is retried a few times, after a short random pause, when it fails for a
 * serialization failure or a deadlock (SQLState 40001, 40P01): each is exactly one transaction, rolled back whole, so
 * calling it again is retrying that transaction. Other methods join the caller's transaction (READ COMMITTED) and are
 * not retried. A failure at commit leaves in memory what Batch added before committing (the new execution in its
 * instance's list, the new step execution in its job execution's list); that object has no row, never runs and is
 * never saved, and the retried call adds the real one after it.
 */
@Component
class JobRepositoryRetries implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(JobRepositoryRetries.class);
    /** Attempts of one call in all; with the pauses, about two seconds at most of conflicts before it fails. */
    static final int ATTEMPTS = 8;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JobRepository repository)) {
            return bean;
        }
        return Proxy.newProxyInstance(JobRepository.class.getClassLoader(), new Class<?>[] {JobRepository.class},
                (proxy, method, args) -> call(repository, method, args));
    }

    private static Object call(JobRepository repository, Method method, Object[] args) throws Throwable {
        boolean ownTransaction = method.getName().startsWith("create") || method.getName().startsWith("getLastJobExecution");
        for (int attempt = 1; ; attempt++) {
            try {
                return method.invoke(repository, args);
            } catch (InvocationTargetException e) {
                Throwable failure = e.getCause();
                if (!ownTransaction || attempt == ATTEMPTS || !serializationFailure(failure)) {
                    throw failure;
                }
                log.debug("job repository {} failed to serialize (attempt {} of {}), retrying: {}", method.getName(),
                        attempt, ATTEMPTS, failure.getMessage());
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt + 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    /** PostgreSQL's "retry the transaction" codes anywhere in the cause chain, whatever Spring translated them into. */
    static boolean serializationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
