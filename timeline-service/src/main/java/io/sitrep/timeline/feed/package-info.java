/** The feeds of incidents, maintenance windows and their updates: Atom 1.0 (whole page or one component) and RSS 2.0. */
package io.sitrep.timeline.feed;
