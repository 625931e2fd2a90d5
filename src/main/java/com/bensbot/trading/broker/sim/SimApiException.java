package com.bensbot.trading.broker.sim;

/**
 * An Alpaca error answer ({@code {"code":…,"message":…}} with an HTTP status), thrown by the
 * endpoint code and turned into a {@link SimReply} by the router.
 */
final class SimApiException extends RuntimeException {

    static final int CODE_INVALID_REQUEST = 40010000;
    static final int CODE_INVALID_FIELD = 40010001;
    static final int CODE_FORBIDDEN = 40310000;
    static final int CODE_NOT_FOUND = 40410000;
    static final int CODE_NOT_CANCELABLE = 42210000;

    private final int status;
    private final int code;

    SimApiException(int status, int code, String message) {
        // An answer to a bad request, not a fault of the simulator: no stack trace to fill in.
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static SimApiException badRequest(String message) {
        return new SimApiException(400, CODE_INVALID_FIELD, message);
    }

    static SimApiException unprocessable(String message) {
        return new SimApiException(422, CODE_INVALID_FIELD, message);
    }

    static SimApiException forbidden(String message) {
        return new SimApiException(403, CODE_FORBIDDEN, message);
    }

    static SimApiException notFound(String message) {
        return new SimApiException(404, CODE_NOT_FOUND, message);
    }

    SimReply toReply() {
        return SimReply.error(status, code, getMessage());
    }
}
