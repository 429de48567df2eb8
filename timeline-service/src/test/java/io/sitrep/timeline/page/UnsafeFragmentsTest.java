package io.sitrep.timeline.page;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CleanHtmlOutput} writes {@code $unsafe{…}} as it is: the templates may write that way only the fragments
 * {@link PageRenderer} rendered (cleaned as they were written) and the Markdown HTML of {@code RenderedMarkdown}
 * (cleaned when rendered). A new {@code $unsafe{…}} must be one of those, and added here once checked.
 */
class UnsafeFragmentsTest {

    private static final Pattern UNSAFE = Pattern.compile("\\$unsafe\\{([^}]*)}");

    @Test
    void theTemplatesWriteUnescapedOnlyFragmentsAlreadyClean() throws IOException {
        Set<String> written = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/jte"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Matcher unsafe = UNSAFE.matcher(Files.readString(template));
                while (unsafe.find()) {
                    written.add(template.getFileName() + ": " + unsafe.group(1));
                }
            }
        }

        assertThat(written).containsExactlyInAnyOrder(
                // cards, rendered by PageRenderer
                "history.jte: card", "status.jte: card", "summary.jte: card",
                // the summary and components sections, rendered by PageRenderer
                "status.jte: summary", "status.jte: components",
                // an incident's article, rendered by PageRenderer
                "incident.jte: article",
                // its updates, rendered by PageRenderer
                "incidentCard.jte: updatesHtml.get(0)", "incidentCard.jte: html",
                // Markdown, by RenderedMarkdown
                "update.jte: update.html()", "incidentCard.jte: incident.postmortem().html()",
                // a status symbol, one of five character references, by PageRenderer
                "components.jte: component.symbol()");
    }
}
