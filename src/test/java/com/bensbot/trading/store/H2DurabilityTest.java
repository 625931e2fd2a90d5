package com.bensbot.trading.store;

import com.bensbot.trading.audit.AuditHead;
import com.bensbot.trading.audit.AuditVerification;
import com.bensbot.trading.audit.AuditVerifier;
import com.bensbot.trading.support.ChildJvm;
import com.bensbot.trading.support.TempDatabase;
import com.bensbot.trading.support.TestApps;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** H2 commits are on disk when the commit returns: a process killed right after loses nothing. */
class H2DurabilityTest {
    @Test
    void serviceConnectionsFlushEveryCommit() throws Exception {
        try (TempDatabase db = TempDatabase.create()) {
            String writeDelay = db.jdbi().withHandle(handle -> handle.createQuery("SELECT DISTINCT SETTING_VALUE "
                            + "FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                    .mapTo(String.class).one());

            assertThat(writeDelay).isEqualTo("0");
        }
    }

    @Test
    void recordsCommittedJustBeforeACrashSurvive() throws Exception {
        String url = TestApps.tempDatabaseUrl();

        ChildJvm.Result child = ChildJvm.run(List.of(), AppendThenCrash.class.getName(), url, "25");

        assertThat(child.exitCode()).as(child.stderr()).isEqualTo(137);
        assertThat(child.stdout()).contains("appended 25");
        try (TempDatabase reopened = TempDatabase.open(url)) {
            AuditVerification verdict = new AuditVerifier(reopened.jdbi()).verify();
            assertThat(verdict).isInstanceOf(AuditVerification.Intact.class);
            AuditHead head = ((AuditVerification.Intact) verdict).head();
            assertThat(head.seq()).isEqualTo(25);
        }
    }

    @Test
    void urlSettingsWinOverTheDefaults() {
        assertThat(DatabaseKind.of("jdbc:h2:file:./x;WRITE_DELAY=100").serviceProperties(
                "jdbc:h2:file:./x;write_delay=100")).doesNotContainKey("WRITE_DELAY").containsKey("LOCK_TIMEOUT");
        assertThat(DatabaseKind.of("jdbc:postgresql://db/x").serviceProperties("jdbc:postgresql://db/x")).isEmpty();
    }
}
