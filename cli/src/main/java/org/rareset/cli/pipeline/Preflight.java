package org.rareset.cli.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rareset.core.InputException;
import org.rareset.core.output.FileRoles;
import org.rareset.core.table.MissingValues;
import org.rareset.core.table.SampleTable;
import org.rareset.core.table.TableFiles;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What the pipeline checks after planning and before the first step runs (also with
 * {@code --dry-run}), so that a study does not fail after hours of ingest and training:
 * <ul>
 *   <li>every file the steps will read that exists before the run (the inputs, the configuration,
 *       files named in step sections) is a readable file or folder;</li>
 *   <li>the phenotype and covariate tables read as the steps read them (a sample column, numbers or
 *       missing-value texts), and every trait in {@code phenotypes} is a column of the phenotypes;</li>
 *   <li>no input is inside a folder the pipeline replaces (a step folder or {@code .partial}).</li>
 * </ul>
 */
public final class Preflight {
    private Preflight() {}

    public static void check(StudyConfig cfg, List<Step> plan) {
        Path out = cfg.output().toAbsolutePath().normalize();
        Set<Path> given = new LinkedHashSet<>();
        given.add(cfg.file());
        for (Step s : plan) {
            if (!cfg.stepEnabled(s.name())) continue;
            for (Path p : s.inputs()) {
                Path abs = p.toAbsolutePath().normalize();
                if (!isProduced(abs, out, plan)) given.add(p);
            }
        }
        for (Path p : given) {
            if (!Files.exists(p)) throw InputException.of(p, "not found", "check the path in " + cfg.file().getFileName());
            if (!Files.isReadable(p)) throw InputException.of(p, "cannot be read (permission denied)", "check its permissions");
        }
        FileRoles roles = new FileRoles();
        for (Path p : given) roles.input("a study input", p);
        for (Step s : plan) if (!s.invocations().isEmpty()) roles.outputFolder("folder of step " + s.name(), s.dir());
        roles.outputFolder("the pipeline's staging folder", out.resolve(".partial"));
        roles.check();
        checkSampleTables(cfg);
    }

    /** Whether a step writes {@code p}: it is one of the outputs of a step that runs a command. */
    private static boolean isProduced(Path p, Path out, List<Step> plan) {
        for (Step s : plan) {
            if (s.invocations().isEmpty()) continue;
            for (Path o : s.outputs().values()) if (p.equals(o.toAbsolutePath().normalize())) return true;
        }
        return false;
    }

    /** Reads the phenotypes and covariates as assoc will and checks every trait is a phenotype column. */
    private static void checkSampleTables(StudyConfig cfg) {
        MissingValues missing = new MissingValues(missingTokens(cfg));
        Path pheno = cfg.input("pheno");
        SampleTable p = SampleTable.from(TableFiles.read(pheno), missing, null);
        List<String> absent = new ArrayList<>();
        for (String t : cfg.phenotypes()) if (!p.columns().contains(t)) absent.add(t);
        if (!absent.isEmpty()) {
            throw InputException.of(pheno, "no phenotype column " + String.join(", ", absent.stream().map(a -> "'" + a + "'").toList())
                    + ", which " + cfg.file().getFileName() + " lists under phenotypes",
                    "phenotype columns are: " + String.join(", ", p.columns()));
        }
        Path covar = cfg.input("covar");
        if (covar != null) SampleTable.from(TableFiles.read(covar), missing, null);
    }

    /** The assoc section's {@code missing} texts when given, else the commands' default. */
    private static List<String> missingTokens(StudyConfig cfg) {
        MappingNode m = cfg.section(Steps.ASSOC);
        if (m != null) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("missing")) {
                    return StudyConfig.stringList(cfg.file(), t.getValueNode(), "assoc.missing");
                }
            }
        }
        return MissingValues.DEFAULT;
    }
}
