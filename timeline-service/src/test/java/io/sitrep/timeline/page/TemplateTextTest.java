package io.sitrep.timeline.page;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's own text is ASCII (other characters as character references), so that a page of ASCII content is built,
 * kept and encoded one byte a character: a single character outside Latin-1 makes Java hold and encode the whole page
 * as two bytes a character.
 */
class TemplateTextTest {

    @Test
    void theTemplatesAreAscii() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/jte"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
                List<String> lines = Files.readAllLines(template);
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).chars().allMatch(c -> c < 0x80)) {
                        found.add(template.getFileName() + ":" + (i + 1));
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
