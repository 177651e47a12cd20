package org.rareset.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.base.DescribedPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spark module's place in the module map (README, Layout; cli's ArchitectureTest checks the
 * rest but cannot see this module's classes): spark is last, so it may use every module and no
 * module uses it; Spark's API stays inside it; its packages have no cycle.
 */
class SparkArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        com.tngtech.archunit.ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.rareset");
    }

    @AfterAll
    static void resetConfiguration() {
        com.tngtech.archunit.ArchConfiguration.get().reset();
    }

    @Test
    void everyModuleAndSparkAreImported() {
        for (String module : new String[] {"core", "genotypes", "annotate", "simulate", "association", "deepset", "report", "cli", "spark"}) {
            String pkg = "org.rareset." + module;
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".")),
                    "no main classes of " + pkg);
        }
    }

    @Test
    void noModuleUsesSpark() {
        noClasses().that().resideOutsideOfPackage("org.rareset.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.rareset.spark..").check(classes);
    }

    @Test
    void sparkApiStaysInTheSparkModule() {
        sparkOutsideTheModule().check(classes);
    }

    /** The rule does see Spark dependencies: turned on the spark module itself, it reports them. */
    @Test
    void theSparkRuleCanFail() {
        ArchRule inverted = noClasses().that().resideInAPackage("org.rareset.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.spark..");
        EvaluationResult result = inverted.evaluate(classes);
        assertTrue(result.hasViolation());
    }

    @Test
    void noPackageCyclesInSpark() {
        slices().matching("org.rareset.spark.(**)").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    private static ArchRule sparkOutsideTheModule() {
        DescribedPredicate<JavaClass> outside = DescribedPredicate.describe("outside org.rareset.spark",
                c -> !c.getPackageName().startsWith("org.rareset.spark"));
        return noClasses().that(outside).should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..");
    }
}
