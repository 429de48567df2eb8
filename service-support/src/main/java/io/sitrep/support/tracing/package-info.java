/** W3C trace context carried across the asynchronous gaps of a service: stored with work that runs later, continued when it runs. */
package io.sitrep.support.tracing;
