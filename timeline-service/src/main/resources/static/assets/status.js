// The status page's live updates (timeline-service); served as a static file so that pages carry no inline script.
(function () {
  var body = document.body;
  // Times are written in the page's time zone; with a script they are shown in the reader's own.
  var local = null;
  try {
    local = new Intl.DateTimeFormat(undefined, {year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
      timeZoneName: 'short'});
  } catch (e) { /* no Intl: the page's time zone stays */ }
  function localise(root) {
    if (!local) { return; }
    Array.prototype.forEach.call(root.querySelectorAll('time[datetime]'), function (time) {
      var instant = new Date(time.getAttribute('datetime'));
      if (isNaN(instant.getTime())) { return; }
      if (!time.hasAttribute('title')) { time.setAttribute('title', time.textContent); }
      time.textContent = local.format(instant);
      time.setAttribute('data-local', 'true');
    });
    Array.prototype.forEach.call(root.querySelectorAll('.local-note'), function (note) {
      note.textContent = ', shown in your time zone';
    });
  }
  localise(document);
  if (!window.EventSource || !window.fetch || !window.DOMParser) { return; }
  var live = document.getElementById('live');
  // What to follow and how long to spread the fetches: from the page, so that the script copies no list.
  var types = (body.getAttribute('data-events') || '').split(' ').filter(Boolean);
  var spread = Math.max(0, Number(body.getAttribute('data-refresh-spread-ms')) || 0);
  var pending = null;
  function refresh() {
    pending = null;
    // Revalidates: when another reader's fetch already warmed a cache in between, or nothing changed, the answer is a 304.
    fetch(window.location.pathname + window.location.search, {headers: {'Accept': 'text/html'}, cache: 'no-cache'})
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('main');
        var current = document.getElementById('main');
        if (!next || !current) { return; }
        localise(next);
        current.replaceWith(next);
        var overall = next.querySelector('.overall-text');
        live.textContent = 'Updated ' + new Date().toLocaleTimeString() + (overall ? ': ' + overall.textContent : '');
        document.documentElement.setAttribute('data-live-updates', String(Number(document.documentElement.getAttribute('data-live-updates') || 0) + 1));
      })
      .catch(function () { /* the next event tries again */ });
  }
  // Each reader waits its own random share of the spread, so that one event does not bring every reader at once.
  function schedule() { if (!pending) { pending = setTimeout(refresh, 250 + Math.floor(Math.random() * spread)); } }
  function connect() {
    var stream = new EventSource('/api/v1/stream');
    types.forEach(function (type) { stream.addEventListener(type, schedule); });
    stream.addEventListener('open', function () { document.documentElement.setAttribute('data-live', 'connected'); });
    // The browser reconnects by itself after a dropped connection or the end of a stream, but not after a refusal
    // (e.g. 429, too many streams from this address): try again later, then read what changed meanwhile.
    stream.addEventListener('error', function () {
      if (stream.readyState === EventSource.CLOSED) {
        document.documentElement.setAttribute('data-live', 'waiting');
        setTimeout(function () { connect(); schedule(); }, 5000 + Math.floor(Math.random() * 5000));
      }
    });
  }
  connect();
})();
