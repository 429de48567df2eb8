/** The Atom 1.0 feed of incidents and their updates. */
package io.sitrep.timeline.feed;
