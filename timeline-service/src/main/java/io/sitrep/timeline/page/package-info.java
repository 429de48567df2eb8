/**
 * The public status page, incident pages, the history by month and their fragments: rendered from precompiled jte
 * templates into the public snapshot, readable without JavaScript, updated by a static script from the live stream.
 */
package io.sitrep.timeline.page;
