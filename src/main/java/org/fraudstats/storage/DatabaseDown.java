package org.fraudstats.storage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure is the database out of reach (stopped, restarting, killed, its host gone) rather than a fault of
 * the request or of the program. The portal answers it 503, "try again", and the log says it in one line: a stopped
 * PostgreSQL under serve filled the log with ~2,000 lines of stack traces in a minute, from every page asked, the
 * session cleanup and Quartz's cluster check-in, and each page waited 60 s for a bare 500 (tester).
 */
public final class DatabaseDown {

    private DatabaseDown() {
    }

    /**
     * True when somewhere in the causes a connection to the database could not be had or was lost. Not a refusal
     * that waiting cannot mend (a wrong password, a database that does not exist, SSL refused: SQL states 28…,
     * 3D000, 08004), even wrapped in the pool's timeout; and not a ConnectException of its own, which may be the
     * mail relay's (pgjdbc wraps its own in a 08001).
     */
    public static boolean isCause(Throwable failure) {
        Throwable hidden = hiddenByRollback(failure);
        if (hidden != null && isCause(hidden)) {
            return true;
        }
        boolean lost = false;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 50; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && refusedForGood(sql.getSQLState())) {
                return false;
            }
            lost |= lostHere(t);
        }
        return lost;
    }

    /**
     * What a transaction's failure was when its rollback failed too: PostgreSQL stopped under a query ("terminating
     * connection due to administrator command"), the rollback on that dead connection fails ("Connection is closed",
     * no SQL state), and Spring's exception for the rollback keeps the first failure aside, not as its cause. The
     * portal answered that a bare 500 with a 100-line trace, where the next page had its 503 (trial).
     */
    private static Throwable hiddenByRollback(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 50; t = t.getCause(), depth++) {
            if (t instanceof org.springframework.transaction.TransactionSystemException rollback && rollback.getApplicationException() != null) {
                return rollback.getApplicationException();
            }
        }
        return null;
    }

    /**
     * Whether a connection failed under this failure (SQL state 08…, 57P0…), not only the pool's wait that ended with
     * none: a pool merely busy times out with no failure under it, and is no outage.
     */
    public static boolean connectionFailed(Throwable failure) {
        Throwable hidden = hiddenByRollback(failure);
        if (hidden != null && connectionFailed(hidden)) {
            return true;
        }
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 50; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && lostConnection(sql.getSQLState()) && !(t instanceof SQLTransientConnectionException)) {
                return true;
            }
        }
        return false;
    }

    /** This failure itself, not its causes: a lost connection, or the pool's wait for one. */
    public static boolean lostHere(Throwable t) {
        return t instanceof SQLTransientConnectionException || t instanceof SQLException sql && lostConnection(sql.getSQLState());
    }

    /**
     * PostgreSQL's connection exceptions (08000, 08001 cannot connect, 08003 no connection, 08006 connection lost) and
     * the three "the server is going or not yet there" codes: 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot
     * connect now (starting or recovering).
     */
    private static boolean lostConnection(String state) {
        return state != null && (state.equals("08000") || state.equals("08001") || state.equals("08003") || state.equals("08006")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }

    private static boolean refusedForGood(String state) {
        return state != null && (state.startsWith("28") || state.equals("3D000") || state.equals("08004"));
    }

    /**
     * The innermost message but the socket's bare "Connection refused": the one that says what happened ("Connection
     * to 127.0.0.1:5432 refused…", "terminating connection due to…"), masked.
     */
    public static String why(Throwable failure) {
        Throwable hidden = hiddenByRollback(failure);
        if (hidden != null && isCause(hidden)) {
            return why(hidden);
        }
        Throwable innermost = failure;
        String said = failure.getMessage();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 50; t = t.getCause(), depth++) {
            innermost = t;
            if (t.getMessage() != null && !(t instanceof java.net.ConnectException)) {
                said = t.getMessage();
            }
        }
        String text = said != null ? said : innermost.toString();
        return DigitRuns.mask(text.replaceAll("[\\r\\n]+", " "));
    }
}
