package org.quillpress.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.quillpress.Clocks;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Time comes from the injected {@link java.time.Clock}, so that tests move it instead of sleeping. */
class ClockRuleTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.quillpress");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages("org.quillpress");

    /** {@code Instant.now()}, {@code LocalDate.now(zone)}, {@code System.currentTimeMillis()}, {@code Clock.systemUTC()}… */
    private static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK = new DescribedPredicate<>(
            "read the system clock instead of the injected Clock") {
        @Override
        public boolean test(JavaMethodCall call) {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            return owner.startsWith("java.time.") && name.equals("now") && call.getTarget().getRawParameterTypes().stream()
                    .noneMatch(type -> type.isAssignableTo(java.time.Clock.class))
                    || owner.equals("java.lang.System") && name.equals("currentTimeMillis")
                    || owner.equals("java.time.Clock") && name.startsWith("system");
        }
    };

    @Test
    void onlyClocksReadsTheSystemClock() {
        // System.nanoTime() stays allowed: it measures how long work took, it does not tell the time.
        noClasses().that().doNotHaveFullyQualifiedName(Clocks.class.getName())
                .should().callMethodWhere(READS_THE_SYSTEM_CLOCK).check(MAIN);
    }

    /** A test that dates its data by the system clock disagrees with the application once the clock moved. */
    @Test
    void testsDateTheirDataByTheTestClock() {
        noClasses().that().doNotHaveFullyQualifiedName("org.quillpress.support.TestClock")
                .should().callMethodWhere(READS_THE_SYSTEM_CLOCK)
                .because("the application's time is the TestClock's, which other tests move forward").check(TESTS);
    }

    @Test
    void testsWaitForConditionsNotForTime() {
        noClasses().should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Thread.class, "sleep", java.time.Duration.class)
                .because("a test moves the TestClock or waits with Awaitility for what it expects").check(TESTS);
    }
}
