package io.sitrep.console.live;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code /now/events}: a signed-in browser showing Now hears "changed" and reads the screen's lists again. */
@Controller
class LiveController {

    private final Browsers browsers;
    private final LiveSettings settings;

    LiveController(Browsers browsers, LiveSettings settings) {
        this.browsers = browsers;
        this.settings = settings;
    }

    @GetMapping(path = "/now/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events() {
        return browsers.join();
    }

    @ExceptionHandler(TooManyBrowsers.class)
    ResponseEntity<String> tooMany(TooManyBrowsers e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, settings.reconnectDelay().toSeconds())))
                .contentType(MediaType.TEXT_PLAIN)
                .body(e.getMessage());
    }
}
