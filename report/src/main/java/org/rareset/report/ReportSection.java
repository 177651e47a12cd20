package org.rareset.report;

/** An extra section of the HTML report (for example risk stratification), as an HTML fragment. */
public record ReportSection(String id, String title, String html) {}
