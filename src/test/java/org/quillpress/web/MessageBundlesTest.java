package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every message bundle of the application, found on the classpath (ours and any a feature adds), is translated
 * completely into German, and no translation holds a key its bundle does not declare: such a key would never be
 * shown, and a missing one would show in English on a German site.
 */
class MessageBundlesTest {

    private static final Path CLASSES = classesDirectory();

    @Test
    void theBundlesAreFound() {
        assertThat(bundles()).containsKey("msg");
    }

    @Test
    void everyBundleHasEveryKeyInGerman() {
        bundles().forEach((name, bundle) -> {
            Properties german = translation(name + "_de.properties");
            assertThat(german).as("messages/%s_de.properties", name).isNotNull();
            assertThat(new TreeSet<>(german.stringPropertyNames())).as("the keys of messages/%s_de.properties", name)
                    .isEqualTo(keys(bundle));
        });
    }

    @Test
    void noTranslationHasAKeyItsBundleLacks() throws IOException {
        Map<String, Class<?>> bundles = bundles();
        try (Stream<Path> files = Files.list(CLASSES.resolve("messages"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.lastIndexOf('_'));
                assertThat(bundles).as("the bundle of messages/%s", fileName).containsKey(name);
                assertThat(keys(bundles.get(name))).as("the keys of messages/%s", fileName)
                        .containsAll(translation(fileName).stringPropertyNames());
            }
        }
    }

    /** Every {@link MessageBundle} interface under org.quillpress, by its name. */
    private static Map<String, Class<?>> bundles() {
        try (Stream<Path> files = Files.walk(CLASSES.resolve("org/quillpress"))) {
            return files.map(f -> CLASSES.relativize(f).toString())
                    .filter(f -> f.endsWith(".class"))
                    .map(f -> load(f.substring(0, f.length() - ".class".length()).replace('/', '.').replace('\\', '.')))
                    .filter(c -> c.isInterface() && c.isAnnotationPresent(MessageBundle.class))
                    .collect(Collectors.toMap(MessageBundlesTest::name, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Class<?> bundle) {
        String name = bundle.getAnnotation(MessageBundle.class).value();
        if (MessageBundle.DEFAULTED_NAME.equals(name)) {
            assertThat(bundle.getEnclosingClass()).as("a nested bundle names itself: %s", bundle).isNull();
            return MessageBundle.DEFAULT_NAME;
        }
        return name;
    }

    /** The keys a bundle declares, as Qute derives them from its methods. */
    private static Set<String> keys(Class<?> bundle) {
        String strategy = bundle.getAnnotation(MessageBundle.class).defaultKey();
        return Arrays.stream(bundle.getDeclaredMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()))
                .map(m -> key(m, strategy))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String key(Method method, String strategy) {
        Message message = method.getAnnotation(Message.class);
        String key = message == null ? Message.DEFAULT_NAME : message.key();
        if (Message.DEFAULT_NAME.equals(key)) {
            key = strategy;
        }
        return switch (key) {
            case Message.ELEMENT_NAME -> method.getName();
            case Message.HYPHENATED_ELEMENT_NAME -> split(method.getName(), "-");
            case Message.UNDERSCORED_ELEMENT_NAME -> split(method.getName(), "_");
            default -> key;
        };
    }

    private static String split(String camel, String separator) {
        return String.join(separator, List.of(camel.split("(?=\\p{Upper})"))).toLowerCase(java.util.Locale.ROOT);
    }

    private static Properties translation(String fileName) {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream("messages/" + fileName)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, MessageBundlesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path classesDirectory() {
        try {
            return Path.of(Messages.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
