#!/usr/bin/env nextflow
// RareSet on a cohort with Nextflow (DSL2): one process per step, association tests (and, with
// --deeprvat, DeepRVAT-style scores) split into gene chunks with --chunk K/N, joined with
// 'rareset merge' into exactly what single runs write, then the HTML report.
//
// From the repository root, on the bundled demo cohort:
//   nextflow run workflows/main.nf
//   nextflow run workflows/main.nf --chunks 8 --threads 2 --deeprvat --outdir work-tmp/nf
//
// Parameters: --data (cohort folder as 'rareset simulate' writes it), --outdir, --chunks, --threads
// (passed to every rareset command and used as the process cpus), --phenotypes, --tests, --deeprvat,
// --study, --rareset (the launcher; default ./rareset of this checkout).
nextflow.enable.dsl = 2

params.data       = "${projectDir}/../testdata/demo"
params.outdir     = "${projectDir}/../work-tmp/nextflow"
params.chunks     = 4
params.threads    = 1
params.phenotypes = 'QT,BT'
params.tests      = 'burden,skat,skato,acatv,acato'
params.deeprvat   = false
params.study      = 'demo'
params.rareset    = "${projectDir}/../rareset"

// assoc writes side files beside its results (<base>.summary.tsv, .significant.tsv, .skipped.tsv, .settings.tsv);
// they travel with the results (merge and report read them) but are never passed as results themselves.
def isSideFile(f) { f.name ==~ /.*\.(summary|significant|skipped|settings)\.tsv$/ }

process INGEST {
    cpus params.threads
    input:
    path vcf
    output:
    path 'cohort.rsg'
    script:
    """
    ${params.rareset} ingest --vcf ${vcf} --out cohort.rsg --threads ${task.cpus} > /dev/null
    """
}

process ASSOC_CHUNK {
    cpus params.threads
    input:
    tuple val(k), path(store), path(annotations), path(pheno), path(covar)
    output:
    tuple val(k), path("results.chunk${k}-of-${params.chunks}*.tsv")
    script:
    """
    ${params.rareset} assoc --store ${store} --annotations ${annotations} --pheno ${pheno} --covar ${covar} \\
        --phenotypes ${params.phenotypes} --tests ${params.tests} --chunk ${k}/${params.chunks} \\
        --threads ${task.cpus} --out results.chunk${k}-of-${params.chunks}.tsv
    """
}

process MERGE {
    publishDir params.outdir, mode: 'copy'
    input:
    val name
    path chunks
    output:
    path "${name.tokenize('.')[0]}*"
    script:
    """
    ${params.rareset} merge --out ${name} ${chunks.findAll { !isSideFile(it) }.join(' ')}
    """
}

process SEED_GENES {
    cpus params.threads
    input:
    tuple path(vcf), path(annotations), path(pheno), path(covar)
    output:
    path 'seed_genes.tsv'
    script:
    """
    ${params.rareset} seed-genes --vcf ${vcf} --annotations ${annotations} --pheno ${pheno} --covar ${covar} \\
        --phenotypes ${params.phenotypes} --threads ${task.cpus} --out seed_genes.tsv
    """
}

process TRAIN {
    cpus params.threads
    publishDir params.outdir, mode: 'copy'
    input:
    tuple path(vcf), path(annotations), path(pheno), path(covar)
    path seed_genes
    output:
    path 'model'
    script:
    """
    ${params.rareset} train --vcf ${vcf} --annotations ${annotations} --pheno ${pheno} --covar ${covar} \\
        --seed-genes ${seed_genes} --phenotypes ${params.phenotypes} --threads ${task.cpus} --out model
    """
}

process SCORE_CHUNK {
    cpus params.threads
    input:
    tuple val(k), path(model), path(vcf), path(annotations)
    output:
    tuple val(k), path("scores.chunk${k}-of-${params.chunks}.tsv.gz")
    script:
    """
    ${params.rareset} score --model ${model} --vcf ${vcf} --annotations ${annotations} --chunk ${k}/${params.chunks} \\
        --threads ${task.cpus} --out scores.chunk${k}-of-${params.chunks}.tsv.gz > /dev/null
    """
}

process ASSOC_SCORES {
    cpus params.threads
    publishDir params.outdir, mode: 'copy'
    input:
    tuple path(scores), path(pheno), path(covar)
    output:
    path 'deeprvat*.tsv'
    script:
    """
    ${params.rareset} assoc --scores ${scores} --pheno ${pheno} --covar ${covar} --phenotypes ${params.phenotypes} \\
        --threads ${task.cpus} --out deeprvat.tsv
    """
}

process REPORT {
    publishDir params.outdir, mode: 'copy'
    input:
    path results
    path genes
    path scores
    output:
    path 'report'
    script:
    def scoreArg = params.deeprvat ? "--scores ${scores}" : ''
    """
    ${params.rareset} report --results ${results.findAll { !isSideFile(it) }.join(',')} --genes ${genes} ${scoreArg} --study ${params.study} --out report > /dev/null
    """
}

workflow {
    def data = file(params.data)
    def vcf = file("${data}/cohort.vcf.gz")
    def annotations = file("${data}/annotations.tsv")
    def pheno = file("${data}/pheno.tsv")
    def covar = file("${data}/covar.tsv")
    def genes = file("${data}/genes.bed")
    def chunkIds = Channel.of(1..(params.chunks as int))

    store = INGEST(vcf)
    assocChunks = ASSOC_CHUNK(chunkIds.combine(store).map { k, s -> tuple(k, s, annotations, pheno, covar) })
    // Merge needs the chunks in order 1..N; 'rareset merge' also sorts them by their names.
    results = MERGE('results.tsv', assocChunks.toSortedList { a, b -> a[0] <=> b[0] }.map { it.collect { c -> c[1] }.flatten() })

    if (params.deeprvat) {
        cohort = Channel.value(tuple(vcf, annotations, pheno, covar))
        seed = SEED_GENES(cohort)
        model = TRAIN(cohort, seed)
        scoreChunks = SCORE_CHUNK(chunkIds.combine(model).map { k, m -> tuple(k, m, vcf, annotations) })
        scores = MERGE_SCORES('scores.tsv.gz', scoreChunks.toSortedList { a, b -> a[0] <=> b[0] }.map { it.collect { c -> c[1] } })
        deeprvat = ASSOC_SCORES(scores.map { s -> tuple(s, pheno, covar) })
        REPORT(results.concat(deeprvat).flatten().collect(), genes, scores)
    } else {
        REPORT(results.flatten().collect(), genes, file("${projectDir}/NO_SCORES"))
    }
}

// The same merge process, under a second name so both merges can run in one workflow.
process MERGE_SCORES {
    publishDir params.outdir, mode: 'copy'
    input:
    val name
    path chunks
    output:
    path name
    script:
    """
    ${params.rareset} merge --out ${name} ${chunks}
    """
}
