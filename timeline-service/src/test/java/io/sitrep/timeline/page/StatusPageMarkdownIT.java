package io.sitrep.timeline.page;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Update messages and postmortems are Markdown: the status page and the incident page show them rendered and sanitized. */
class StatusPageMarkdownIT extends IntegrationTest {

    /** The messages of one incident: each Markdown construct the page renders, and each hostile one it must remove. */
    static final String OPENED = """
            We are **investigating** errors in `checkout`.

            <script>alert('opened')</script>

            See [the details](javascript:alert(1)) and <img src=x onerror=alert(2)> this.""";
    static final String UPDATED = """
            | Region | Errors |
            |---|---|
            | eu-west | 5% |

            - drained web-1
            - restarted it

            Follow the [runbook](https://runbook.example/checkout).""";
    static final String RESOLVED = """
            Fixed.

            <div onclick="steal()">raw block</div>""";
    static final String POSTMORTEM = """
            # Cause

            An expired certificate.

            ```
            openssl x509 -enddate
            ```""";

    // Issue 13: messages were escaped text; Markdown showed as its source, and nothing vouched for raw HTML in it.
    @Test
    void messagesAndPostmortemsAreRenderedAndSanitizedOnTheIncidentPageAndTheStatusPage() {
        IncidentStory story = IncidentStory.of("Checkout errors");
        events.publish(story.open(Impact.MAJOR, OPENED), story.update(IncidentStatus.IDENTIFIED, Impact.MAJOR, UPDATED),
                story.resolve(RESOLVED), story.postmortem(POSTMORTEM));
        awaitIncidentVersion(story.id(), 4);

        String incidentPage = article(api.get("/incidents/" + story.id()).expect(200).body(), story);
        String statusPage = article(api.get("/").expect(200).body(), story);

        for (String html : List.of(incidentPage, statusPage)) {
            assertThat(html).contains("<strong>investigating</strong>", "<code>checkout</code>",
                    "<table>", "<th>Region</th>", "<td>eu-west</td>", "<ul><li>drained web-1</li><li>restarted it</li></ul>")
                    .containsPattern("<a href=\"https://runbook\\.example/checkout\" rel=\"(nofollow noopener|noopener nofollow)\">runbook</a>")
                    .doesNotContain("<script", "alert(", "javascript:", "onerror", "onclick", "<img", "<div onclick", "raw block");
        }
        assertThat(incidentPage).contains("<h3>Cause</h3>", "<p>An expired certificate.</p>", "<pre><code>openssl x509 -enddate\n</code></pre>")
                .doesNotContain("# Cause");
    }

    /** The incident's article of a page. */
    private static String article(String page, IncidentStory story) {
        int start = page.indexOf("id=\"incident-" + story.id() + "\"");
        assertThat(start).as("the page shows the incident").isPositive();
        return page.substring(start, page.indexOf("</article>", start));
    }
}
