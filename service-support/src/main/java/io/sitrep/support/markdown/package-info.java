/** Markdown of update messages, maintenance messages and postmortems, rendered to sanitized HTML for pages, feeds and emails. */
package io.sitrep.support.markdown;
