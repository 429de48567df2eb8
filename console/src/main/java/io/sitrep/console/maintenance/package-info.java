/** The maintenance screens: windows upcoming, in progress and finished; scheduling one; its updates, start, completion and cancellation. */
package io.sitrep.console.maintenance;
