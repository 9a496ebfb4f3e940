/**
 * {@code satc lsp}: a language server over stdio (lsp4j). It reuses the front end as it is:
 * {@code MissionParser} and {@code Analyzer} for diagnostics, the formatter for formatting,
 * {@code SemanticTables} for resolved quantities, and {@code MissionPlanning} for the plan a
 * satellite's hover reports. Analysis runs in the background, debounced; requests answer at
 * once from the newest analysed snapshot, with positions mapped across the edits made since
 * ({@link io.satc.compiler.lsp.TextMapping}), so no request waits for a large mission to be
 * re-analysed. See docs/editors.md.
 */
package io.satc.compiler.lsp;
