package io.sitrep.console.template;

/**
 * One template in the list.
 *
 * @param components how many components it sets a status for
 */
public record TemplateRow(String id, String name, String title, String impact, int components) {
}
