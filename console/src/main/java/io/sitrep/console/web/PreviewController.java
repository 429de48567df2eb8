package io.sitrep.console.web;

import io.sitrep.support.markdown.Markdown;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code POST /preview}: Markdown as the status page renders it (the same {@link Markdown} rules, sanitized), for the
 * script's in-place preview. Without the script each form's Preview button asks for its whole screen again instead.
 */
@Controller
class PreviewController {

    /** The longest Markdown previewed; the services allow less, and say so when it is sent. */
    static final int MAX_MARKDOWN = 100_000;

    @PostMapping(path = "/preview", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> preview(@RequestParam(name = "markdown", defaultValue = "") String markdown) {
        String source = markdown.length() > MAX_MARKDOWN ? markdown.substring(0, MAX_MARKDOWN) : markdown;
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(Markdown.toHtml(source));
    }
}
