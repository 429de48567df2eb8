package io.sitrep.notification.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatMarkdownTest {

    @Test
    void slackGetsItsMrkdwnWithItsSpecialCharactersEscaped() {
        String markdown = "**Bold** and *italic* and ~~gone~~, a <tag> & [the_status_page](https://status.example.com/a_b_c)\n- one\n- two";

        String slack = ChatMarkdown.slack(markdown);

        assertThat(slack).isEqualTo("*Bold* and _italic_ and ~gone~, a &lt;tag&gt; &amp; "
                + "<https://status.example.com/a_b_c|the_status_page>\n• one\n• two");
    }

    @Test
    void googleChatGetsItsHtmlSubsetWithEverythingElseEscaped() {
        String markdown = "**Bold** _italic_ <script>\"x\"</script> [link](https://example.com/?a=1&b=2)\nnext";

        String html = ChatMarkdown.googleChat(markdown);

        assertThat(html).isEqualTo("<b>Bold</b> <i>italic</i> &lt;script&gt;&quot;x&quot;&lt;/script&gt; "
                + "<a href=\"https://example.com/?a=1&amp;b=2\">link</a><br>next");
    }

    @Test
    void teamsKeepsItsMarkdownButLosesStrikeThroughAndHeadings() {
        String teams = ChatMarkdown.teams("# Update\n~~old~~ **new** [l](https://example.com)");

        assertThat(teams).isEqualTo("**Update**\nold **new** [l](https://example.com)");
    }

    // Issue 13: "1 alert firing: - X on web-1" ran together; in chat each alert stays on a line of its own.
    @Test
    void anAlertsListKeepsALinePerAlertOnEveryChannel() {
        String alertText = "1 alert firing:\n\n- CheckoutErrors on web-1\n- CheckoutLatency on web-2";

        String slack = ChatMarkdown.slack(alertText);
        String googleChat = ChatMarkdown.googleChat(alertText);
        String teams = ChatMarkdown.teams(alertText);

        assertThat(slack).contains("1 alert firing:\n").contains("\n• CheckoutErrors on web-1\n• CheckoutLatency on web-2");
        assertThat(googleChat).contains("1 alert firing:<br>").contains("CheckoutErrors on web-1<br>").doesNotContain("firing: - ");
        assertThat(teams).contains("1 alert firing:\n").contains("\n- CheckoutErrors on web-1\n- CheckoutLatency on web-2");
    }

    @Test
    void onlyHttpLinksBecomeLinks() {
        String slack = ChatMarkdown.slack("[click](javascript:alert(1))");

        assertThat(slack).isEqualTo("[click](javascript:alert(1))");
    }
}
