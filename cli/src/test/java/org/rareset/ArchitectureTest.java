package org.rareset;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map as rules, checked on the main classes of every module (this test sits in {@code cli},
 * the one module whose class path holds them all):
 * <ul>
 *   <li>a package of module M ({@code org.rareset.M..}) depends only on M and the modules
 *       {@link #MAY_USE} lists for M: the stage order core, genotypes, annotate, simulate, association,
 *       deepset, report, cli, where annotate, simulate, association and deepset are siblings apart from
 *       the annotation they share;</li>
 *   <li>no cycle between packages anywhere in main code (each package is its own slice).</li>
 * </ul>
 * Maven's module dependencies already stop a module from compiling against a later one; these rules
 * also catch sibling edges the poms would allow transitively and cycles inside a module.
 */
class ArchitectureTest {
    private static final String ROOT = "org.rareset";

    /**
     * The allowed module graph: each module (in stage order) with the other modules its packages may
     * use. Not every earlier module: deepset must not use association or simulate, association not
     * simulate, and report not deepset, simulate or cli.
     */
    static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();
    static {
        MAY_USE.put("core", List.of());
        MAY_USE.put("genotypes", List.of("core"));
        MAY_USE.put("annotate", List.of("core", "genotypes"));
        MAY_USE.put("simulate", List.of("core", "genotypes", "annotate"));
        MAY_USE.put("association", List.of("core", "genotypes", "annotate"));
        MAY_USE.put("deepset", List.of("core", "genotypes", "annotate"));
        MAY_USE.put("report", List.of("core", "genotypes", "annotate", "association"));
        MAY_USE.put("cli", List.of("core", "genotypes", "annotate", "simulate", "association", "deepset", "report"));
    }

    /**
     * Allow-list for package cycles being removed while a restructuring lands, empty now and meant to
     * stay so. Each entry would be the set of packages (below org.rareset) of one cycle; only a cycle
     * over exactly that set passes, so a new cycle, even one through those packages, still fails, and
     * an entry whose cycle is gone fails too, so the list cannot outlive its reason.
     */
    static final List<Set<String>> KNOWN_CYCLES_BEING_REMOVED = List.of();

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // Only RareSet's own packages matter here; not resolving library classes keeps the import quick.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @AfterAll
    static void resetConfiguration() {
        ArchConfiguration.get().reset();
    }

    /** Without this the rules below could pass on an empty import (a changed class path). */
    @Test
    void everyModuleIsImported() {
        for (String module : MAY_USE.keySet()) {
            String pkg = ROOT + "." + module;
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".")),
                    "no main classes of " + pkg + " on the test class path");
        }
    }

    @Test
    void modulesUseOnlyTheModulesBeforeThemInTheAllowedGraph() {
        moduleRule(MAY_USE).check(classes);
    }

    /** The module rule does see dependencies: with deepset allowed nothing, its use of core is reported. */
    @Test
    void moduleRuleReportsAForbiddenDependency() {
        Map<String, List<String>> tooStrict = new LinkedHashMap<>(MAY_USE);
        tooStrict.put("deepset", List.of());
        EvaluationResult result = moduleRule(tooStrict).evaluate(classes);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().getDetails().stream().allMatch(d -> d.contains("org.rareset.deepset.")),
                String.join("\n", result.getFailureReport().getDetails()));
    }

    /** Layers are the modules; each may use only the modules {@code mayUse} names for it. */
    static LayeredArchitecture moduleRule(Map<String, List<String>> mayUse) {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String module : mayUse.keySet()) rule = rule.layer(module).definedBy(ROOT + "." + module + "..");
        for (Map.Entry<String, List<String>> e : mayUse.entrySet()) {
            rule = e.getValue().isEmpty()
                    ? rule.whereLayer(e.getKey()).mayNotAccessAnyLayer()
                    : rule.whereLayer(e.getKey()).mayOnlyAccessLayers(e.getValue().toArray(String[]::new));
        }
        // Every main class lives in one of the modules: no package outside the map.
        return rule.ensureAllClassesAreContainedInArchitecture();
    }

    @Test
    void noPackageCycles() {
        EvaluationResult result = slices().matching(ROOT + ".(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .evaluate(classes);
        List<String> details = result.getFailureReport().getDetails();
        Set<Set<String>> seen = new java.util.HashSet<>();
        List<String> unexpected = new ArrayList<>();
        for (String detail : details) {
            Set<String> cycle = packagesOfCycle(detail);
            seen.add(cycle);
            if (!KNOWN_CYCLES_BEING_REMOVED.contains(cycle)) unexpected.add(detail);
        }
        assertTrue(unexpected.isEmpty(), unexpected.size() + " package cycle(s):\n" + String.join("\n\n", unexpected));
        List<Set<String>> gone = KNOWN_CYCLES_BEING_REMOVED.stream().filter(c -> !seen.contains(c)).collect(Collectors.toList());
        assertTrue(gone.isEmpty(), "these cycles are gone: remove them from KNOWN_CYCLES_BEING_REMOVED: " + gone);
    }

    /** The packages of one reported cycle, from its header "Cycle detected: a -> b -> a" (before the dependency listing). */
    static Set<String> packagesOfCycle(String detail) {
        String prefix = "Cycle detected: ";
        int listing = detail.indexOf("\n  1. ");
        String header = listing < 0 ? detail : detail.substring(0, listing);
        assertTrue(header.startsWith(prefix), "not a cycle report: " + header);
        Set<String> packages = new TreeSet<>();
        for (String name : header.substring(prefix.length()).split("->")) {
            assertTrue(name.strip().matches("[\\w.]+"), "not a package name: '" + name.strip() + "' in " + header);
            packages.add(name.strip());
        }
        return packages;
    }

    /** The parser above, on the format ArchUnit writes (guards the allow-list against a silent format change). */
    @Test
    void cycleHeadersParse() {
        assertEquals(Set.of("cli", "cli.pipeline"), packagesOfCycle("Cycle detected: cli -> \n"
                + "                cli.pipeline -> \n                cli\n  1. Dependencies of cli\n    - Method <x>"));
    }
}
