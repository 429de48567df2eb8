package io.sitrep.incidentservice.template.web;

import java.util.List;

/** Every template, by name; there are at most a few hundred, so the list is one answer. */
record TemplateList(List<TemplateResponse> items) {
}
