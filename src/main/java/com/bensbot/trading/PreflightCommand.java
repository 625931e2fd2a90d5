package com.bensbot.trading;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;

import java.io.PrintStream;

/**
 * {@code java -jar bensbot-trading.jar check config-production.yml}: runs the start-up preflight alone and exits 0
 * when the service is fit to start, 1 otherwise, printing one line per problem.
 */
public final class PreflightCommand extends ConfiguredCommand<TradingConfiguration> {
    public PreflightCommand() {
        super("check", "Runs the start-up preflight checks against a configuration file and exits");
    }

    @Override
    protected void run(Bootstrap<TradingConfiguration> bootstrap, Namespace namespace, TradingConfiguration config) {
        Preflight.Result result = Preflight.check(config);
        PrintStream out = System.out;
        result.warnings().forEach(line -> out.println("WARN  " + line));
        result.fatal().forEach(line -> out.println("FAIL  " + line));
        if (!result.passed()) {
            out.flush();
            System.exit(1);
        }
        out.println("OK    preflight passed (" + config.getEnvironment() + ")");
    }
}
