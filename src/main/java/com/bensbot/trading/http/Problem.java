package com.bensbot.trading.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** An RFC 9457 problem document as the gateway writes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "errorId", "requestId", "clientOrderId", "violations"})
public record Problem(String type, String title, int status, String detail, String errorId, String requestId,
                      String clientOrderId, List<Violation> violations) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
