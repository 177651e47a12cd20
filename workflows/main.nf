#!/usr/bin/env nextflow
// RareSet on a cohort with Nextflow (DSL2): the study plan of 'rareset pipeline', step by step.
//
// The steps, their inputs, outputs and commands are not written here: the workflow asks
// 'rareset pipeline --config STUDY --plan' for the plan and runs each step that can run with
// 'rareset pipeline --config STUDY --step NAME', in plan order, so the results are the files
// 'rareset pipeline --config STUDY' writes (the Snakefile beside this one does the same, one job per
// step). The steps write into the study's output folder, not into Nextflow's work folder, and each
// keeps its manifest.json: a rerun (with or without -resume) skips the steps that are up to date.
//
// From the repository root, on the bundled demo cohort:
//   nextflow run workflows/main.nf
//   nextflow run workflows/main.nf --study path/to/study.yaml --outdir /scratch/study --threads 4
//
// Parameters: --study (the study configuration; default testdata/demo/study.yaml), --outdir (output
// folder instead of the configuration's 'output'), --threads (threads per step instead of the
// configuration's; also the task's cpus), --rareset (the launcher; default ./rareset of this checkout).
nextflow.enable.dsl = 2

import groovy.json.JsonSlurper

params.study   = "${projectDir}/../testdata/demo/study.yaml"
params.outdir  = null
params.threads = null
params.rareset = "${projectDir}/../rareset"

def studyOptions() {
    def o = ['--config', file(params.study).toString()]
    if (params.outdir) o += ['--output', file(params.outdir).toString()]
    return o
}

// The plan, read once when the workflow starts (format in docs/pipeline.md).
def readPlan() {
    def cmd = [params.rareset, 'pipeline'] + studyOptions() + (params.threads ? ['--threads', params.threads.toString()] : []) + ['--plan']
    def p = cmd.execute()
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    if (p.exitValue() != 0) error "rareset pipeline --plan failed (exit code ${p.exitValue()}): ${err}"
    return new JsonSlurper().parseText(out.toString())
}

process STEPS {
    cpus { plan.threads as int }
    input:
    val plan
    val steps
    output:
    val true
    script:
    def job = ([params.rareset, 'pipeline'] + studyOptions()).collect { "'${it}'" }.join(' ')
    steps.collect { s -> "${job} --threads ${task.cpus} --step ${s}" }.join('\n')
}

workflow {
    def plan = readPlan()
    plan.steps.findAll { it.state == 'not available' || it.state == 'switched off' }.each {
        log.warn "RareSet: step ${it.name} is ${it.state}${it.reason ? ': ' + it.reason : ''}"
    }
    STEPS(plan, plan.steps.findAll { it.state == 'run' }.collect { it.name })
}
