package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quillpress.wxr.ImportMessages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The German staff messages: one for every message of each staff bundle, none left over, none empty. */
class StaffMessagesGermanTest {

    @ParameterizedTest
    @ValueSource(classes = { StaffMessages.class, ModerationMessages.class, AdminMessages.class, CheckMessages.class,
            RecordMessages.class, ImportMessages.class, ContentMessages.class })
    void everyMessageHasAGermanTextAndNoKeyIsStale(Class<?> bundle) throws IOException {
        Properties german = german(bundle);
        Set<String> keys = Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());

        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
    }

    @ParameterizedTest
    @ValueSource(classes = { StaffMessages.class, ModerationMessages.class, AdminMessages.class, CheckMessages.class,
            RecordMessages.class, ImportMessages.class, ContentMessages.class })
    void germanTextsAreNotEmptyAndUseTheParameters(Class<?> bundle) throws IOException {
        Properties german = german(bundle);
        for (Method method : bundle.getDeclaredMethods()) {
            String text = german.getProperty(method.getName(), "");
            assertThat(text).as(method.getName()).isNotBlank();
            for (var parameter : method.getParameters()) {
                assertThat(text).as(method.getName()).contains(parameter.getName());
            }
            assertThat(method.getAnnotation(Message.class)).as(method.getName()).isNotNull();
        }
    }

    /** Qute 3.31 generates code the JVM refuses for a bundle of more than 300 messages. */
    @ParameterizedTest
    @ValueSource(classes = { StaffMessages.class, ModerationMessages.class, AdminMessages.class, CheckMessages.class,
            RecordMessages.class, ImportMessages.class, ContentMessages.class })
    void eachBundleStaysWithinWhatQuteCanGenerate(Class<?> bundle) {
        assertThat(bundle.getDeclaredMethods()).hasSizeLessThanOrEqualTo(300);
    }

    private static Properties german(Class<?> bundle) throws IOException {
        String name = bundle.getAnnotation(MessageBundle.class).value();
        Properties german = new Properties();
        try (InputStream in = StaffMessagesGermanTest.class.getResourceAsStream("/messages/" + name + "_de.properties")) {
            assertThat(in).as(name).isNotNull();
            german.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return german;
    }
}
