package org.quillpress.security;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/** Sends a {@link FieldsPage} as the bytes it holds, as a {@code byte[]} entity would be sent. */
@Provider
public class FieldsPageWriter implements ServerMessageBodyWriter<FieldsPage> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return FieldsPage.class.equals(type);
    }

    @Override
    public void writeResponse(FieldsPage page, Type genericType, ServerRequestContext context) {
        context.serverResponse().end(page.bytes());
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return FieldsPage.class.equals(type);
    }

    @Override
    public void writeTo(FieldsPage page, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws IOException {
        entityStream.write(page.bytes());
    }
}
