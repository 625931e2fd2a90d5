package com.bensbot.trading.docs;

import jakarta.ws.rs.Path;
import org.glassfish.jersey.server.ResourceConfig;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Generates the OpenAPI document on first use, from every resource registered by then; start-up stays quick. */
public final class LazyApiDocument implements Supplier<byte[]> {
    private final ResourceConfig resources;
    private final String version;
    private byte[] document;

    public LazyApiDocument(ResourceConfig resources, String version) {
        this.resources = resources;
        this.version = version;
    }

    @Override
    public synchronized byte[] get() {
        if (document == null) {
            Set<Class<?>> annotated = resources.getInstances().stream()
                    .map(Object::getClass)
                    .filter(type -> type.isAnnotationPresent(Path.class))
                    .collect(Collectors.toSet());
            resources.getClasses().stream().filter(type -> type.isAnnotationPresent(Path.class)).forEach(annotated::add);
            document = ApiDocument.generate(annotated, version);
        }
        return document;
    }
}
