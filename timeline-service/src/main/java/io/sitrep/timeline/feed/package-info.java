/** The Atom 1.0 feed of incidents, maintenance windows and their updates. */
package io.sitrep.timeline.feed;
