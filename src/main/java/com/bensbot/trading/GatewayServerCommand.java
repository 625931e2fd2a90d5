package com.bensbot.trading;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/** Dropwizard's {@code server} command, but a failed preflight prints its problem lines instead of a stack trace. */
public final class GatewayServerCommand extends ServerCommand<TradingConfiguration> {
    public GatewayServerCommand(Application<TradingConfiguration> application) {
        super(application);
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
