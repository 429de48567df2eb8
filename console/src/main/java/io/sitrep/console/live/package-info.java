/** Live Now: one upstream connection to timeline-service's event stream, relayed to open browsers as a bare "changed" signal. */
package io.sitrep.console.live;
