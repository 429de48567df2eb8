/** The component read API: components with their group and current status, and daily uptime. */
package io.sitrep.timeline.component.web;
