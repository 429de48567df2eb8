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
  // What to fetch after an event: on the status page the parts an event can change, on an incident's page its article;
  // elsewhere (history) the whole page. Each part is a small document of the snapshot, with its own entity tag.
  var path = window.location.pathname;
  var incident = /^\/incidents\/([0-9a-f-]{36})$/.exec(path);
  var wanted = {};
  var pending = null;
  function partsFor(type) {
    if (incident) { return ['/fragments/incidents/' + incident[1]]; }
    if (path !== '/') { return [path + window.location.search]; }
    if (type === 'sitrep.resync') { return ['/fragments/summary', '/fragments/components']; }
    return type.indexOf('component.') === 0 ? ['/fragments/summary', '/fragments/components'] : ['/fragments/summary'];
  }
  // Every element of the fetched part that has an id replaces the element of that id; a whole page replaces <main>.
  function apply(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var main = doc.getElementById('main');
    var roots = main ? [main] : Array.prototype.slice.call(doc.body.children);
    roots.forEach(function (next) {
      var current = next.id && document.getElementById(next.id);
      if (!current) { return; }
      localise(next);
      current.replaceWith(next);
    });
  }
  // The page says when it last changed; a part fetched since then says when it did (Last-Modified), and the page follows.
  function changedAt(header) {
    var at = header ? new Date(header) : null;
    var shown = document.querySelector('time.updated');
    if (!local || !shown || !at || isNaN(at.getTime()) || !(at > new Date(shown.getAttribute('datetime')))) { return; }
    shown.setAttribute('datetime', at.toISOString());
    shown.textContent = local.format(at);
  }
  function refresh() {
    var parts = Object.keys(wanted);
    wanted = {};
    pending = null;
    // Revalidates: when nothing changed since this reader's copy, or a cache in front holds the new one, the answer is cheap.
    Promise.all(parts.map(function (part) {
      return fetch(part, {headers: {'Accept': 'text/html'}, cache: 'no-cache'})
        .then(function (response) {
          if (!response.ok) { return Promise.reject(response.status); }
          changedAt(response.headers.get('Last-Modified'));
          return response.text();
        })
        .then(apply);
    })).then(function () {
      var overall = document.querySelector('.overall-text');
      live.textContent = 'Updated ' + new Date().toLocaleTimeString() + (overall ? ': ' + overall.textContent : '');
      document.documentElement.setAttribute('data-live-updates', String(Number(document.documentElement.getAttribute('data-live-updates') || 0) + 1));
    }).catch(function () { /* the next event tries again */ });
  }
  // Each reader waits its own random share of the spread, so that one event does not bring every reader at once.
  function schedule(event) {
    partsFor(event && event.type ? event.type : 'sitrep.resync').forEach(function (part) { wanted[part] = true; });
    if (!pending) { pending = setTimeout(refresh, 250 + Math.floor(Math.random() * spread)); }
  }
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
