package com.bensbot.trading.security;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

import java.util.Set;

/**
 * In production, the operations routes ({@code /metrics}, {@code /metrics/*}, {@code /live/service-health}) need
 * the admin credential (CONTRACT §3); in development they stay open. Binds the admin check to every method of the
 * given resource classes.
 */
public final class AdminInProductionFeature implements DynamicFeature {
    private final ContainerRequestFilter check;
    private final Set<Class<?>> resources;

    public AdminInProductionFeature(AdminAuthFilter adminCheck, Set<Class<?>> resources) {
        this.check = new Delegate(adminCheck);
        this.resources = Set.copyOf(resources);
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (resources.contains(resourceInfo.getResourceClass())) {
            context.register(check, Priorities.AUTHENTICATION);
        }
    }

    /** A plain delegate: registering the {@link AdminOnly}-bound filter itself would keep its name binding. */
    private static final class Delegate implements ContainerRequestFilter {
        private final AdminAuthFilter filter;

        Delegate(AdminAuthFilter filter) {
            this.filter = filter;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            filter.filter(request);
        }
    }
}
