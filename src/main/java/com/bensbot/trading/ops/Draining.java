package com.bensbot.trading.ops;

import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Set when the server begins to stop, so that {@code /health} tells load balancers to go elsewhere. */
public final class Draining implements LifeCycle.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Draining.class);
    private volatile boolean draining;

    public boolean isDraining() {
        return draining;
    }

    @Override
    public void lifeCycleStopping(LifeCycle event) {
        if (!draining) {
            draining = true;
            LOG.info("Shutting down: /health answers 503 draining while in-flight requests finish");
        }
    }
}
