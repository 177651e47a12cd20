package org.rareset.cli.files;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import org.rareset.core.output.FileRoles;
import org.rareset.cli.log.LogSetup;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * Checks, after parsing and before the command runs, that no output of the command is one of its
 * inputs ({@link FileRoles}): inputs are the values of every {@code Path}-typed option and
 * parameter the user gave, outputs are what the command declares ({@link WritesFiles}) plus the
 * {@code --log-file}, which is appended to.
 */
public final class FileCheck {
    private FileCheck() {}

    /** The roles of the files of the command line parsed into {@code pr}; null when the command writes nothing. */
    public static FileRoles of(ParseResult pr) {
        ParseResult last = pr;
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) return null;
            last = p;
        }
        Object command = last.commandSpec().userObject();
        if (!(command instanceof WritesFiles writer)) return null;
        FileRoles roles = new FileRoles();
        Set<String> outputs = writer.outputOptions();
        for (OptionSpec o : last.matchedOptions()) {
            // --log-file is inherited by every subcommand: an output, added below
            if (!outputs.contains(o.longestName()) && !o.longestName().equals(LogSetup.LOG_FILE_OPTION)) {
                addPaths(roles, o.longestName(), o, last);
            }
        }
        for (PositionalParamSpec p : last.matchedPositionals()) addPaths(roles, p.paramLabel(), p, last);
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(LogSetup.LOG_FILE_OPTION)) {
                roles.output(LogSetup.LOG_FILE_OPTION, p.matchedOptionValue(LogSetup.LOG_FILE_OPTION, (Path) null));
            }
        }
        writer.declareFiles(roles);
        return roles;
    }

    /** Refuses a command line whose outputs clash with its inputs, as an error of that command (exit 2). */
    public static void check(ParseResult pr) {
        try {
            FileRoles roles = of(pr);
            if (roles != null) roles.check();
        } catch (org.rareset.core.InputException e) {
            ParseResult last = pr;
            while (last.subcommand() != null) last = last.subcommand();
            throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), e.getMessage(), e);
        }
    }

    private static void addPaths(FileRoles roles, String role, ArgSpec arg, ParseResult pr) {
        Object v = arg.getValue();
        if (role.equals("--bfile") && v instanceof Collection<?> prefixes) {
            // a PLINK prefix names three files, each an input
            for (Object prefix : prefixes) {
                for (String ext : new String[] {".bed", ".bim", ".fam"}) roles.input(role, Path.of(prefix + ext));
            }
            return;
        }
        if (v instanceof Path p) {
            roles.input(role, p);
        } else if (v instanceof Collection<?> c) {
            for (Object o : c) if (o instanceof Path p) roles.input(role, p);
        }
    }

    /** The tabix/CSI index beside a VCF or BCF, when present: an input too (null is ignored). */
    public static void indexes(FileRoles roles, String role, Path vcf) {
        if (vcf == null) return;
        for (String ext : new String[] {".tbi", ".csi"}) {
            Path index = vcf.resolveSibling(vcf.getFileName() + ext);
            if (java.nio.file.Files.exists(index)) roles.input(role, index);
        }
    }
}
