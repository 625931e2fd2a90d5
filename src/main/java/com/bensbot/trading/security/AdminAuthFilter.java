package com.bensbot.trading.security;

import com.bensbot.trading.http.LogSafe;
import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Guards {@link AdminOnly} resources on the main port: 401 without the admin credential, 403 with a wrong one. */
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public final class AdminAuthFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AdminAuthFilter.class);
    private final AdminCredential credential;

    public AdminAuthFilter(AdminCredential credential) {
        this.credential = credential;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        AdminCredential.Verdict verdict = credential.check(
                request.getHeaderString(AdminCredential.HEADER),
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
        switch (verdict) {
            case ACCEPTED -> {
                return;
            }
            case MISSING -> {
                LOG.warn("Admin route {} {} refused: no admin credential", LogSafe.clean(request.getMethod()),
                        LogSafe.clean(request.getUriInfo().getPath()));
                throw new ProblemException(ProblemType.UNAUTHORIZED, "This route needs the admin credential");
            }
            default -> {
                LOG.warn("Admin route {} {} refused: wrong admin credential", LogSafe.clean(request.getMethod()),
                        LogSafe.clean(request.getUriInfo().getPath()));
                throw new ProblemException(ProblemType.FORBIDDEN, "The admin credential is not valid");
            }
        }
    }
}
