/** The public state as one snapshot, read in one transaction after every change and served from memory as ready bytes. */
package io.sitrep.timeline.snapshot;
