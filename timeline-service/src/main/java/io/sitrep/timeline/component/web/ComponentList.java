package io.sitrep.timeline.component.web;

import java.util.List;

/** Every component, ungrouped first, then by group and name. */
record ComponentList(List<ComponentResponse> items) {
}
