package com.bensbot.trading.http;

import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the {@link TimingFilter} which route a request matched: once Jersey has matched a resource method, the
 * route's {@link RouteMetrics} go into a request attribute (Jersey's request properties are the servlet request's
 * attributes). One stateless listener serves every request, and the route of each resource method is worked out
 * once.
 */
public final class RouteListener implements ApplicationEventListener, RequestEventListener {
    public static final String ROUTE_ATTRIBUTE = RouteListener.class.getName() + ".route";

    private final RequestMetrics metrics;
    private final ConcurrentHashMap<ResourceMethod, RouteMetrics> byMethod = new ConcurrentHashMap<>();

    public RouteListener(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // Application life-cycle events carry nothing this listener needs.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        return this;
    }

    @Override
    public void onEvent(RequestEvent event) {
        if (event.getType() != RequestEvent.Type.REQUEST_MATCHED) {
            return;
        }
        ResourceMethod method = event.getUriInfo().getMatchedResourceMethod();
        if (method == null) {
            return;
        }
        ContainerRequest request = event.getContainerRequest();
        RouteMetrics route = byMethod.get(method);
        if (route == null) {
            route = byMethod.computeIfAbsent(method,
                    key -> metrics.route(HttpMethods.normalise(key.getHttpMethod()), RouteTemplates.of(key)));
        }
        if (!route.method().equals(request.getMethod())) {
            // HEAD answered by a GET method, or OPTIONS by Jersey's generated one: key it by what was asked.
            route = metrics.route(HttpMethods.normalise(request.getMethod()), route.template());
        }
        request.setProperty(ROUTE_ATTRIBUTE, route);
    }
}
