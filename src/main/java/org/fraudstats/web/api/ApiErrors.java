package org.fraudstats.web.api;

import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.ClientAbortException;
import org.fraudstats.settings.BusinessTime;
import org.fraudstats.web.portal.BadInput;
import org.fraudstats.web.portal.NotFound;
import org.fraudstats.web.portal.Reruns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Errors of /api/v1 as web.md wants them: {"error": "one line"} a user can act on, never a stack trace. Refusals of
 * Spring Security (401, 403) are left to it, which records them in the audit log.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(BadInput.class)
    ResponseEntity<byte[]> badInput(BadInput e) {
        return JsonAnswer.error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<byte[]> notFound(NotFound e) {
        return JsonAnswer.error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(Reruns.Refused.class)
    ResponseEntity<byte[]> refused(Reruns.Refused e) {
        return JsonAnswer.error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({StreamedListings.Busy.class, LargeFigureListings.Busy.class})
    ResponseEntity<byte[]> busy(RuntimeException e) {
        return JsonAnswer.unavailable(e.getMessage(), 60);
    }

    /** Figures over an amount most likely an account number (RollupCheck.requireNoOutsizedAmounts): a conflict in the data. */
    @ExceptionHandler(org.fraudstats.metrics.RollupCheck.OutsizedAmounts.class)
    ResponseEntity<byte[]> outsized(org.fraudstats.metrics.RollupCheck.OutsizedAmounts e) {
        return JsonAnswer.error(HttpStatus.CONFLICT, e.getMessage());
    }

    /** Wrong content types and methods are mistakes in the request too: 400, as web.md lists them. */
    @ExceptionHandler(HttpMediaTypeException.class)
    ResponseEntity<byte[]> mediaType(HttpMediaTypeException e) {
        return JsonAnswer.error(HttpStatus.BAD_REQUEST, "unsupported content type: " + e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<byte[]> method(HttpRequestMethodNotSupportedException e) {
        return JsonAnswer.error(HttpStatus.METHOD_NOT_ALLOWED, "method " + e.getMethod() + " is not allowed here");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletResponse response) throws Exception {
        if (org.fraudstats.storage.DatabaseDown.isCause(e) && !response.isCommitted()) {
            // not the program's fault: the 503 "try again" of web/security/UnreachableDatabase, one line in the log
            throw e;
        }
        if (clientWentAway(e)) {
            // the client hung up mid-answer (a download cancelled on a phone): nobody is left to read an error, and
            // writing one after the body had begun only logged a second, misleading error
            log.debug("client went away: {}", e.toString());
            return null;
        }
        if (response.isCommitted()) {
            log.error("API request failed", e);
            // part of the answer is already with the client (a streamed listing): an error appended to it would read
            // as more of the body; the cut-off document and the log say it failed
            return null;
        }
        // when, not what: the kind of failure named the classes inside (MLPS tester); the log line of that second has it
        String at = BusinessTime.isoSeconds(Instant.now());
        log.error("API request failed at {}", at, e);
        return JsonAnswer.error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error at " + at + "; the server's log has the details");
    }

    /**
     * Only the container's own signs that the client is gone: Spring's wrapper of a failed write to the client and
     * Tomcat's ClientAbortException. Not any EOF or "connection reset" in the cause chain, which is also what a lost
     * database connection looks like, a failure that must be answered 500 and logged.
     */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AsyncRequestNotUsableException || t instanceof ClientAbortException) {
                return true;
            }
        }
        return false;
    }
}
