package org.fraudstats.web.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;

import org.fraudstats.access.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is signed in, for page headers, the audit log and the controllers: the principal of every authentication
 * fraudstats makes (form sign-in and API token alike). Pages get it as the model attribute {@code currentUser}
 * ({@code ${currentUser.name}}, {@code ${currentUser.role.chineseName()}}); code calls {@link #get()}. Kept in
 * the session in PostgreSQL, hence Serializable.
 *
 * @param client the remote address the user signed in from (or sent the token from)
 */
public record CurrentUser(String name, Role role, String client) implements Principal, Serializable {

    /** The user's name: Spring Security's Authentication.getName() and the session's principal name. */
    @Override
    public String getName() {
        return name;
    }

    /** This user as the author of a change (users, tokens), for the audit log. */
    public org.fraudstats.access.Actor actor() {
        return new org.fraudstats.access.Actor(name, role.code(), client);
    }

    /** The user of the current request, if signed in. */
    public static Optional<CurrentUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? Optional.of(user) : Optional.empty();
    }
}
