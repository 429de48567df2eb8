package io.sitrep.notification.template;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {

    @Test
    void aSectionIsKeptOnlyWhenItsValueIsThere() {
        Template template = new Template("a{{#note}}[{{note}}]{{/note}}b", Template::plain);
        Map<String, String> none = new HashMap<>();
        none.put("note", null);

        String with = template.render(Map.of("note", "x"));
        String without = template.render(none);
        String empty = template.render(Map.of("note", ""));

        assertThat(with).isEqualTo("a[x]b");
        assertThat(without).isEqualTo("ab");
        assertThat(empty).isEqualTo("ab");
    }

    @Test
    void aValueIsNeverReadAsATemplate() {
        Template template = Template.html("templates/email/maintenance.html");
        Map<String, String> values = new HashMap<>(Map.of("subject", "s", "title", "{{headline}}", "headline", "h", "status", "s",
                "window", "w", "components", "", "posted", "p", "unsubscribe", "u"));
        values.put("page", "Example Status");
        values.put("pageurl", "https://status.example.com");
        values.put("localwindow", null);
        values.put("message", null);

        String html = template.render(values);

        assertThat(html).contains("<h2>{{headline}}</h2>").doesNotContain("Local time").doesNotContain("Components");
    }

    @Test
    void aListSectionIsRepeatedForEachItemAndDroppedWhenEmpty() {
        Template template = new Template("<ul>{{#items}}<li>{{name}} of {{owner}}</li>{{/items}}</ul>", Template::escape);

        String two = template.render(Map.of("owner", "<me>", "items", List.of(Map.of("name", "a&b"), Map.of("name", "{{owner}}"))));
        String none = template.render(Map.of("owner", "me", "items", List.of()));

        assertThat(two).isEqualTo("<ul><li>a&amp;b of &lt;me&gt;</li><li>{{owner}} of &lt;me&gt;</li></ul>");
        assertThat(none).isEqualTo("<ul></ul>");
    }

    @Test
    void plainTextLosesControlCharactersButLineBreaks() {
        String text = new Template("{{v}}", Template::plain).render(Map.of("v", "a\r\nb\u0007c\td"));

        assertThat(text).isEqualTo("a\nb c\td");
    }

    @Test
    void aPlaceholderWithoutAValueIsAnError() {
        assertThatThrownBy(() -> new Template("{{missing}}", Template::plain).render(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    // Issue 17: a large list's email is rendered once, and only each recipient's links are put in per mail.
    @Test
    void aPreparedTemplateFilledWithTheLaterValuesGivesWhatRenderingWithThemGives() {
        Template template = new Template("<p>{{title}}</p>{{#manage}}<a href=\"{{manage}}\">m</a> · {{/manage}}<a href=\"{{unsubscribe}}\">u</a>",
                Template::escape);
        Map<String, String> values = new HashMap<>(Map.of("title", "a<b"));
        values.put("manage", null);
        Map<String, String> links = Map.of("unsubscribe", "https://x/u?t=1&a", "manage", "https://x/m?t=\"2\"");

        String filled = template.prepare(values, Set.of("unsubscribe", "manage")).fill(links);

        assertThat(filled).isEqualTo(template.render(Map.of("title", "a<b", "unsubscribe", "https://x/u?t=1&a", "manage", "https://x/m?t=\"2\"")))
                .isEqualTo("<p>a&lt;b</p><a href=\"https://x/m?t=&quot;2&quot;\">m</a> · <a href=\"https://x/u?t=1&amp;a\">u</a>");
    }

    @Test
    void aPreparedTemplateIsFilledOnlyWithEveryLaterValue() {
        Template.Prepared prepared = new Template("{{a}}-{{u}}", Template::plain).prepare(Map.of("a", "x"), Set.of("u"));

        String filled = prepared.fill(Map.of("u", "y\u0007"));

        assertThat(filled).isEqualTo("x-y ");
        assertThatThrownBy(() -> prepared.fill(Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> prepared.fill(Map.of("u", ""))).isInstanceOf(IllegalArgumentException.class);
    }
}
