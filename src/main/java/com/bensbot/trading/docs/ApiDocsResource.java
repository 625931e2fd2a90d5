package com.bensbot.trading.docs;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;
import com.bensbot.trading.security.AdminCredential;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.function.Supplier;

/**
 * {@code GET /openapi.json}: open in development; in production 404 unless the request carries the admin
 * credential (a missing and a wrong credential look the same, so the route's existence is not revealed).
 */
@Path("/openapi.json")
public class ApiDocsResource {
    private final Supplier<byte[]> document;
    private final boolean gated;
    private final AdminCredential admin;

    public ApiDocsResource(Supplier<byte[]> document, boolean gated, AdminCredential admin) {
        this.document = document;
        this.gated = gated;
        this.admin = admin;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] openApi(@HeaderParam(AdminCredential.HEADER) String adminToken,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (gated && !admin.accepts(adminToken, authorization)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such route");
        }
        return document.get();
    }
}
