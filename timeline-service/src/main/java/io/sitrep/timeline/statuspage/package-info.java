/** The Statuspage-compatible public API: the same paths and JSON shapes as Atlassian Statuspage, so existing widgets work. */
package io.sitrep.timeline.statuspage;
