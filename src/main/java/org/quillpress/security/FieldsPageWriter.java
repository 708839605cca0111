package org.quillpress.security;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends a {@link FieldsPage} as the bytes it holds, as a {@code byte[]} entity would be sent, without first copying
 * its three parts into one array: they go out as one buffer over the three (as the page cache's hits do).
 */
@Provider
public class FieldsPageWriter implements ServerMessageBodyWriter<FieldsPage> {

    @Inject
    RoutingContext routing;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return FieldsPage.class.equals(type);
    }

    @Override
    public void writeResponse(FieldsPage page, Type genericType, ServerRequestContext context) {
        routing.response().end(Buffer.buffer(Unpooled.wrappedBuffer(page.before(), page.fields(), page.after())));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return FieldsPage.class.equals(type);
    }

    @Override
    public void writeTo(FieldsPage page, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws IOException {
        entityStream.write(page.before());
        entityStream.write(page.fields());
        entityStream.write(page.after());
    }
}
