/** The public status page: server-rendered HTML that works without JavaScript and updates itself from the live stream. */
package io.sitrep.timeline.page;
