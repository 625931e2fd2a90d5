package com.bensbot.trading.audit;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.store.Database;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code audit-verify <config> [--expect-head SEQ:HASH]}: checks the audit chain in the configured database
 * without migrating or creating anything. Prints the head and exits 0 when intact; exits 1 naming the first bad
 * record; exits 2 when the database or its audit tables cannot be read (or the configuration is unusable).
 */
public final class AuditVerifyCommand extends ConfiguredCommand<TradingConfiguration> {
    static final int CANNOT_READ = 2;

    public AuditVerifyCommand() {
        super("audit-verify", "Checks the audit log's hash chain: exit 0 intact, 1 broken, 2 cannot read");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--expect-head")
                .dest("expectHead")
                .metavar("SEQ:HASH")
                .help("a head logged earlier ('Audit head SEQ:HASH'): the chain must still reach it");
    }

    @Override
    protected void run(Bootstrap<TradingConfiguration> bootstrap, Namespace namespace,
                       TradingConfiguration configuration) {
        AuditHead expected = null;
        String raw = namespace.getString("expectHead");
        if (raw != null) {
            try {
                expected = AuditHead.parse(raw);
            } catch (IllegalArgumentException e) {
                System.err.println("--expect-head: " + e.getMessage());
                System.exit(CANNOT_READ);
            }
        }
        AuditVerification result = new AuditVerifier(Database.readOnlyJdbi(configuration.getDatabase()))
                .verify(expected);
        if (result instanceof AuditVerification.Unreadable) {
            System.err.println(result.message());
        } else {
            System.out.println(result.message());
        }
        System.out.flush();
        System.exit(result.exitCode());
    }

    /** A configuration that cannot be loaded is "cannot read" too, not Dropwizard's generic exit 1 (broken). */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        cli.getStdErr().println("audit-verify cannot run: " + e.getMessage());
        cli.getStdErr().flush();
        System.exit(CANNOT_READ);
    }
}
