// The status page's live updates (timeline-service); served as a static file so that pages carry no inline script.
(function () {
  // Maintenance windows are written in UTC; each <time class="local"> also gets the reader's own time beside it.
  var local = null;
  try {
    local = new Intl.DateTimeFormat(undefined, {year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
      timeZoneName: 'short'});
  } catch (e) { /* no Intl: the UTC text stays alone */ }
  function localise(root) {
    if (!local) { return; }
    Array.prototype.forEach.call(root.querySelectorAll('time.local'), function (time) {
      var instant = new Date(time.getAttribute('datetime'));
      if (isNaN(instant.getTime())) { return; }
      var mine = document.createElement('span');
      mine.className = 'local-time';
      mine.textContent = ' (' + local.format(instant) + ')';
      time.parentNode.insertBefore(mine, time.nextSibling);
    });
  }
  localise(document);
  if (!window.EventSource || !window.fetch || !window.DOMParser) { return; }
  var live = document.getElementById('live');
  var pending = null;
  function refresh() {
    pending = null;
    fetch(window.location.pathname, {headers: {'Accept': 'text/html'}, cache: 'no-store'})
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
  function schedule() { if (!pending) { pending = setTimeout(refresh, 250); } }
  var types = ['incident.opened', 'incident.updated', 'incident.resolved', 'incident.reopened', 'postmortem.published',
    'component.defined', 'component.status_changed', 'maintenance.scheduled', 'maintenance.updated', 'maintenance.reminder',
    'maintenance.started', 'maintenance.completed', 'maintenance.cancelled', 'sitrep.resync'];
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

