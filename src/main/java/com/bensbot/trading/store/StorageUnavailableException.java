package com.bensbot.trading.store;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;

/** The durable store cannot read or write: 503 {@code storage-unavailable}. */
public class StorageUnavailableException extends ProblemException {
    public StorageUnavailableException(String detail, Throwable cause) {
        super(ProblemType.STORAGE_UNAVAILABLE, ProblemType.STORAGE_UNAVAILABLE.status(), detail, -1, null, cause);
    }
}
