package org.quillpress.web;

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
 * Sends a {@link PageParts} (a signed-in reader's post page, a guest's around its form fields) as the page it makes
 * up, as one buffer over its parts, as the page cache's hits are sent.
 */
@Provider
public class PagePartsWriter implements ServerMessageBodyWriter<PageParts> {

    @Inject
    RoutingContext routing;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return PageParts.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(PageParts page, Type genericType, ServerRequestContext context) {
        routing.response().end(Buffer.buffer(Unpooled.wrappedBuffer(page.parts().toArray(byte[][]::new))));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return PageParts.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(PageParts page, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws IOException {
        for (byte[] part : page.parts()) {
            entityStream.write(part);
        }
    }
}
