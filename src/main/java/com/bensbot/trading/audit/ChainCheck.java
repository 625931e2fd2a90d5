package com.bensbot.trading.audit;

/**
 * Walks stored rows in seq order and finds the first that breaks the chain; then checks the end of the chain
 * against the heads it must reach. Holds one record's worth of state, whatever the length of the log.
 */
final class ChainCheck {
    private final AuditHead expectedHead;
    private final AuditHead recordedHead;
    private long lastSeq;
    private String lastHash = AuditHash.GENESIS;
    private String hashAtExpected;
    private String hashAtRecorded;

    /**
     * @param expectedHead the head the operator noted (from the log line), or null
     * @param recordedHead the {@code audit_head} row read before the walk, or null when the row is missing
     */
    ChainCheck(AuditHead expectedHead, AuditHead recordedHead) {
        this.expectedHead = expectedHead;
        this.recordedHead = recordedHead;
        this.hashAtExpected = hashAtSeq(expectedHead);
        this.hashAtRecorded = hashAtSeq(recordedHead);
    }

    /** Checks the next row; a Broken verdict ends the walk. */
    AuditVerification.Broken accept(StoredAuditRow row) {
        long expectedSeq = lastSeq + 1;
        if (row.seq() != expectedSeq) {
            return row.seq() > expectedSeq
                    ? new AuditVerification.Broken(expectedSeq,
                            "record missing (the next one is " + row.seq() + "): records were deleted")
                    : new AuditVerification.Broken(row.seq(), "seq below " + expectedSeq + ": a record was inserted");
        }
        if (!lastHash.equals(row.prevHash())) {
            return new AuditVerification.Broken(row.seq(), expectedSeq == 1
                    ? "prev_hash is not the genesis hash: records were inserted or reordered"
                    : "prev_hash does not match the hash of record " + lastSeq
                    + ": records were reordered, inserted or rewritten");
        }
        if (!row.expectedHash().equals(row.hash())) {
            return new AuditVerification.Broken(row.seq(), "hash mismatch: the record was edited");
        }
        lastSeq = row.seq();
        lastHash = row.hash();
        if (expectedHead != null && row.seq() == expectedHead.seq()) {
            hashAtExpected = row.hash();
        }
        if (recordedHead != null && row.seq() == recordedHead.seq()) {
            hashAtRecorded = row.hash();
        }
        return null;
    }

    /** The verdict once every row was accepted. */
    AuditVerification finish(long records) {
        if (recordedHead == null) {
            return new AuditVerification.Broken(lastSeq + 1, "the audit_head row is missing: the table was edited");
        }
        if (expectedHead != null) {
            AuditVerification broken = reaches(expectedHead, hashAtExpected, "the expected head");
            if (broken != null) {
                return broken;
            }
        }
        AuditVerification broken = reaches(recordedHead, hashAtRecorded, "audit_head");
        if (broken != null) {
            return broken;
        }
        return new AuditVerification.Intact(new AuditHead(lastSeq, lastHash), records);
    }

    private AuditVerification reaches(AuditHead head, String hashFound, String name) {
        if (head.seq() > lastSeq) {
            return new AuditVerification.Broken(lastSeq + 1, "the chain ends at record " + lastSeq + " but "
                    + name + " is " + head + ": the newest records were removed");
        }
        if (!head.hash().equals(hashFound)) {
            return new AuditVerification.Broken(head.seq(), "record " + head.seq() + " has hash " + hashFound
                    + " but " + name + " is " + head + ": the chain was rewritten");
        }
        return null;
    }

    private static String hashAtSeq(AuditHead head) {
        return head != null && head.seq() == 0 ? AuditHash.GENESIS : null;
    }
}
