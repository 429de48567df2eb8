package io.sitrep.notification.template;


import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkPagesTest {

    private final LinkPages pages = new LinkPages();

    @Test
    void everyValueIsEscapedAndNothingIsSubstitutedTwice() {
        String page = pages.button("<script>alert(1)</script>", "{{title}} & \"more\"", "Go", "?token=a'b");

        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<p>{{title}} &amp; &quot;more&quot;</p>")
                .contains("<form method=\"post\" action=\"?token=a&#39;b\">");
    }

    @Test
    void thePagesHaveNoScriptAndNoInlineStyle() {
        String page = pages.message("Unsubscribed", "Done.");

        assertThat(page).doesNotContain("<script").doesNotContain("style").startsWith("<!DOCTYPE html>");
        assertThat(LinkPages.CONTENT_SECURITY_POLICY).contains("default-src 'none'").doesNotContain("unsafe");
    }

    @Test
    void aPlaceholderWithoutAValueIsAnError() {
        assertThatThrownBy(() -> LinkPages.render("<p>{{missing}}</p>", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
