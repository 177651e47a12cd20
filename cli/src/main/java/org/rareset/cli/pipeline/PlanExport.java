package org.rareset.cli.pipeline;

import com.google.gson.GsonBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan as JSON ({@code rareset pipeline --plan}), for workflow engines: per step its folder, the
 * steps it reads from, its input files, its outputs (files or folders), the commands it runs and a
 * fingerprint of its work (commands without {@code --threads}, parameters, RareSet version). The
 * engine turns every runnable step into one job {@code rareset pipeline --config C --step NAME};
 * the commands are for reading only, so the DAG and the arguments are stated once, in
 * {@link StepPlanner}. Paths are absolute.
 *
 * <p>Format (version 1): {@code {"format":1, "study", "output", "config", "rareset_version",
 * "threads", "chunks", "steps":[{"name", "folder", "state" (run | given | switched off | not available),
 * "reason", "needs":[step...], "inputs":[path...], "outputs":{key:path}, "folder_outputs":[key...],
 * "chunks" (gene chunks of the step, 1: one job), "chunk_folders":[path...] (one per chunk when
 * chunks > 1), "commands":[text...], "fingerprint"}]}}.
 */
public final class PlanExport {
    private PlanExport() {}

    public static String json(StudyConfig cfg, List<Step> plan, int threads) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", 1);
        root.put("study", cfg.study());
        root.put("output", abs(cfg.output()));
        root.put("config", abs(cfg.file()));
        root.put("rareset_version", Manifest.version());
        root.put("threads", threads);
        root.put("chunks", cfg.chunks());
        List<Object> steps = new ArrayList<>();
        for (Step s : plan) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("folder", abs(s.dir()));
            String state = !cfg.stepEnabled(s.name()) ? "switched off" : !s.available() ? "not available"
                    : !s.runsCommands() ? "given" : "run";
            m.put("state", state);
            m.put("reason", String.join("; ", s.unavailable()));
            m.put("needs", s.upstream(plan));
            m.put("inputs", s.inputs().stream().map(PlanExport::abs).toList());
            Map<String, String> outs = new LinkedHashMap<>();
            s.outputs().forEach((k, v) -> outs.put(k, abs(v)));
            m.put("outputs", outs);
            m.put("folder_outputs", new ArrayList<>(s.folderOutputs()));
            // Chunked steps: a workflow runs --chunk K/N into each folder, then --merge-chunks N.
            int n = PipelineRunner.chunkable(s.name()) ? cfg.chunks() : 1;
            m.put("chunks", n);
            List<String> chunkFolders = new ArrayList<>();
            for (int k = 1; n > 1 && k <= n; k++) {
                chunkFolders.add(abs(PipelineRunner.chunkFolder(cfg, s, new org.rareset.core.concurrent.Chunk(k, n))));
            }
            m.put("chunk_folders", chunkFolders);
            m.put("commands", s.invocations().stream().map(i -> i.display(s.dir())).toList());
            Manifest.Content work = Manifest.work(s);
            m.put("fingerprint", String.join("\n", work.commands) + "\n" + work.params + "\n" + work.rareset_version);
            steps.add(m);
        }
        root.put("steps", steps);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
