package org.quillpress.wxr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Imports the test exports under src/test/resources/wxr; importing one twice changes nothing. */
@ApplicationScoped
public class WxrFixtures {

    @Inject
    WxrImporter importer;

    public ImportReport importResource(String name) {
        try (InputStream in = WxrFixtures.class.getResourceAsStream("/wxr/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return importer.run(in, new ImportReport());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ImportReport importText(String xml) {
        return importText(xml, null);
    }

    /** Imports {@code xml} filed under the source an admin named. */
    public ImportReport importText(String xml, String sourceName) {
        return importer.run(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new ImportReport(),
                sourceName);
    }

    public static String resource(String name) {
        try (InputStream in = WxrFixtures.class.getResourceAsStream("/wxr/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
