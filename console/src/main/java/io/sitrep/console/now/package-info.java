/** The Now screen: open incidents, the internal triage queue, components and maintenance at a glance. */
package io.sitrep.console.now;
