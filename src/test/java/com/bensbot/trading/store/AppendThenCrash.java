package com.bensbot.trading.store;

import com.bensbot.trading.audit.AuditEntry;
import com.bensbot.trading.audit.AuditLog;
import com.bensbot.trading.support.TempDatabase;

import java.time.Clock;
import java.util.Map;

/**
 * Child-JVM half of {@link H2DurabilityTest}: appends audit records through the service's own pool settings,
 * then dies at once, without closing anything, like a killed process.
 */
public final class AppendThenCrash {
    private AppendThenCrash() {
    }

    public static void main(String[] args) {
        TempDatabase db = TempDatabase.open(args[0]);
        AuditLog log = new AuditLog(db.database(), Clock.systemUTC());
        int count = Integer.parseInt(args[1]);
        for (int i = 1; i <= count; i++) {
            log.append(new AuditEntry("crash-" + i, "127.0.0.1", "test.append", "ok", Map.of("i", i)));
        }
        System.out.println("appended " + count);
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
