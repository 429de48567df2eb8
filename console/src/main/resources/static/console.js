/*
 * Sitrep console: progressive enhancement only; every screen works without this script.
 * Now: listens to /now/events and, on "changed", reads the screen's lists again and swaps them in.
 * Forms with a Markdown preview: the Preview button asks the server (same rules as the status page) without leaving the page.
 */
(function () {
  "use strict";

  function liveNow(region) {
    if (!window.EventSource || !window.fetch) {
      return;
    }
    var reading = false;
    var again = false;
    var events = new EventSource(region.getAttribute("data-events"));

    function refresh() {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      fetch(region.getAttribute("data-lists"), { credentials: "same-origin", headers: { "Accept": "text/html", "X-Requested-With": "XMLHttpRequest" } })
        .then(function (response) {
          // Signed out meanwhile: the answer is the sign-in screen, not the lists; stop listening.
          if (!response.ok || response.redirected) {
            events.close();
            return null;
          }
          return response.text();
        })
        .then(function (html) {
          if (html !== null) {
            region.innerHTML = html;
          }
        })
        .catch(function () { /* The next change or a reload tries again. */ })
        .then(function () {
          reading = false;
          if (again) {
            again = false;
            refresh();
          }
        });
    }

    events.addEventListener("changed", refresh);
    window.addEventListener("pagehide", function () { events.close(); });
  }

  function previews(form) {
    var button = form.querySelector("button[name=preview]");
    var target = form.querySelector("[data-preview]");
    var source = form.querySelector("textarea[data-markdown]");
    if (!button || !target || !source || !window.fetch) {
      return;
    }
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var body = new URLSearchParams();
      body.append("markdown", source.value);
      var token = form.querySelector("input[name=_csrf]");
      if (token) {
        body.append("_csrf", token.value);
      }
      fetch("/preview", { method: "POST", credentials: "same-origin", body: body, headers: { "X-Requested-With": "XMLHttpRequest" } })
        .then(function (response) { return response.ok && !response.redirected ? response.text() : null; })
        .then(function (html) {
          if (html === null) {
            // Ask for the whole screen with the preview, as without the script.
            form.requestSubmit(button);
            return;
          }
          target.innerHTML = html;
          target.hidden = false;
        })
        .catch(function () { form.requestSubmit(button); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var region = document.getElementById("now-live");
    if (region) {
      liveNow(region);
    }
    Array.prototype.forEach.call(document.querySelectorAll("form[data-previewable]"), previews);
  });
})();
