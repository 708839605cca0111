package org.quillpress.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The feature packages depend on each other in one direction only. When two packages need each other, one
 * class is in the wrong place. The one exception is account and security, which are one module split in two
 * (who someone is, and how a request proves it).
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.quillpress");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().assignedFrom(new FeaturePackages()).should().beFreeOfCycles().check(MAIN);
    }

    /** org.quillpress.{feature}.. is one slice; account and security together are one. */
    static final class FeaturePackages implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith("org.quillpress.")) {
                return SliceIdentifier.ignore();
            }
            String feature = name.substring("org.quillpress.".length()).split("\\.")[0];
            return SliceIdentifier.of(feature.equals("security") ? "account" : feature);
        }

        @Override
        public String getDescription() {
            return "feature packages of org.quillpress (account and security as one)";
        }
    }
}
