package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The reserved slugs cover every address the site itself answers at its root. */
class PathsTest {

    @Test
    void everyRootSegmentOfTheSiteIsReservedForPages() throws URISyntaxException {
        Set<String> roots = new TreeSet<>(resourceRoots());
        roots.addAll(staticRoots());
        // Quarkus' own endpoints (health, OpenAPI, dev UI) live under /q
        roots.add("q");

        Set<String> slugLike = new TreeSet<>(roots.stream().filter(Slugs::isValid).toList());

        assertThat(slugLike).contains("subscriptions", "posts", "admin", "css");
        assertThat(Paths.RESERVED).containsAll(slugLike);
    }

    /** The first segment of every JAX-RS resource's path, from the classes' and methods' {@code @Path}. */
    private static Set<String> resourceRoots() {
        Set<String> roots = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.quillpress")) {
            if (!type.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = type.reflect();
            String root = firstSegment(resource.getAnnotation(Path.class).value());
            if (!root.isEmpty()) {
                roots.add(root);
                continue;
            }
            Arrays.stream(resource.getDeclaredMethods()).map(m -> m.getAnnotation(Path.class))
                    .filter(Objects::nonNull).map(p -> firstSegment(p.value())).filter(s -> !s.isEmpty())
                    .forEach(roots::add);
        }
        return roots;
    }

    /** The files and folders served from META-INF/resources. */
    private static Set<String> staticRoots() throws URISyntaxException {
        File folder = new File(PathsTest.class.getClassLoader().getResource("META-INF/resources").toURI());
        return new TreeSet<>(Stream.of(Objects.requireNonNull(folder.list())).toList());
    }

    /** The literal first segment of a path template; empty for the root or a path parameter. */
    private static String firstSegment(String template) {
        String path = template.startsWith("/") ? template.substring(1) : template;
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        return first.startsWith("{") ? "" : first;
    }
}
