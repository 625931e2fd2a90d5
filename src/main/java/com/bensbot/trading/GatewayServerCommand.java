package com.bensbot.trading;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Environment;
import net.sourceforge.argparse4j.inf.Namespace;
import sun.misc.Signal;

/**
 * Dropwizard's {@code server} command, with two operator-facing differences: a failed preflight prints its problem
 * lines instead of a stack trace, and SIGTERM is a normal stop: Jetty drains (bounded by
 * {@code server.shutdownGracePeriod}), the managed objects stop, and the process exits 0.
 */
public final class GatewayServerCommand extends ServerCommand<TradingConfiguration> {
    public GatewayServerCommand(Application<TradingConfiguration> application) {
        super(application);
    }

    @Override
    protected void run(Environment environment, Namespace namespace, TradingConfiguration configuration)
            throws Exception {
        // System.exit runs the shutdown hooks (Jetty's graceful stop among them) and then exits with 0, not 143.
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        super.run(environment, namespace, configuration);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable failure) {
        if (failure instanceof PreflightFailedException) {
            cli.getStdErr().println(failure.getMessage());
            return;
        }
        super.onError(cli, namespace, failure);
    }
}
