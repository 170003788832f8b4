package org.fraudstats.storage;

import java.net.ConnectException;
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

    /** True when somewhere in the causes a connection could not be had or was lost. */
    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 50; t = t.getCause(), depth++) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && lostConnection(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's class 08 (connection exception: refused, broken, closed) and the three "the server is going or not
     * yet there" codes: 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting or recovering).
     */
    private static boolean lostConnection(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }

    /** The innermost message, which says what happened ("Connection to 127.0.0.1:5432 refused…"), masked. */
    public static String why(Throwable failure) {
        Throwable innermost = failure;
        String said = failure.getMessage();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 50; t = t.getCause(), depth++) {
            innermost = t;
            if (t.getMessage() != null && !(t instanceof ConnectException)) {
                said = t.getMessage();
            }
        }
        String text = said != null ? said : innermost.toString();
        return DigitRuns.mask(text.replaceAll("[\\r\\n]+", " "));
    }
}
