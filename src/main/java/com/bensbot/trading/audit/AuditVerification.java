package com.bensbot.trading.audit;

/** The verdict of {@link AuditVerifier}: intact (exit 0), broken (exit 1) or unreadable (exit 2). */
public sealed interface AuditVerification {
    int exitCode();

    /** One line for the operator. */
    String message();

    /** Every record chains to the one before it; {@code head} is the newest ({@code 0:000…0} when empty). */
    record Intact(AuditHead head, long records) implements AuditVerification {
        @Override
        public int exitCode() {
            return 0;
        }

        @Override
        public String message() {
            return head.toString();
        }
    }

    /** {@code seq} is the first bad record (for removed records, the first one missing); {@code reason} says why. */
    record Broken(long seq, String reason) implements AuditVerification {
        @Override
        public int exitCode() {
            return 1;
        }

        @Override
        public String message() {
            return "Audit log broken at record " + seq + ": " + reason;
        }
    }

    /** The database could not be read: unreachable, missing, or without the audit tables. */
    record Unreadable(String reason) implements AuditVerification {
        @Override
        public int exitCode() {
            return 2;
        }

        @Override
        public String message() {
            return "Cannot read the audit log: " + reason;
        }
    }
}
