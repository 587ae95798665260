/*
 * Backstrong portal offline: registers the service worker, keeps sessions and next-morning
 * answers logged offline on this phone (localStorage) and sends them when the connection
 * returns. Each kept entry carries its own idempotency key (client_token), so sending it twice
 * (two tabs, a retry after a lost answer) still makes one session on the server.
 *
 * Reads its settings from <div id="portal-offline" data-...> (templates/portal/base.html).
 * Exposes window.BackstrongOffline = { sync, send, pending } for the page and for tests.
 */
(function () {
  'use strict';

  var config = document.getElementById('portal-offline');
  if (!config) return;
  var KEY = 'backstrong-outbox-' + config.getAttribute('data-patient');

  // ------------------------------------------------------------ the worker --
  function assetUrls() {
    var urls = [window.location.pathname];
    document.querySelectorAll('img[src], script[src], link[rel="stylesheet"][href]')
      .forEach(function (node) { urls.push(node.src || node.href); });
    return urls;
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register(config.getAttribute('data-sw'), {
      scope: config.getAttribute('data-scope')
    }).catch(function () { /* no worker: the portal still works online */ });
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) {
        registration.active.postMessage({ type: 'keep', urls: assetUrls() });
      }
    });
  }

  // What was kept offline belongs to this person only: signing out drops the cached pages.
  document.querySelectorAll('form[action$="/logout/"]').forEach(function (form) {
    form.addEventListener('submit', function () {
      if (navigator.serviceWorker && navigator.serviceWorker.controller) {
        navigator.serviceWorker.controller.postMessage({ type: 'sign-out' });
      }
    });
  });

  // ------------------------------------------------------------ the outbox --
  function pending() {
    try {
      var list = JSON.parse(window.localStorage.getItem(KEY) || '[]');
      return Array.isArray(list) ? list : [];
    } catch (e) {
      return [];
    }
  }

  function store(list) {
    window.localStorage.setItem(KEY, JSON.stringify(list));
    render();
  }

  function remove(id) {
    store(pending().filter(function (entry) { return entry.id !== id; }));
  }

  function newToken() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 0x100).toString(16).slice(1);
    }).join('');
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20),
      hex.slice(20)].join('-');
  }

  function render() {
    var box = document.getElementById('portal-outbox');
    var text = document.getElementById('portal-outbox-text');
    var note = document.getElementById('portal-offline-note');
    if (note) note.hidden = navigator.onLine;
    if (!box || !text) return;
    var list = pending();
    var sessions = list.filter(function (entry) { return entry.kind === 'session'; }).length;
    var parts = [];
    if (sessions === 1) parts.push(config.getAttribute('data-one'));
    if (sessions > 1) {
      parts.push(config.getAttribute('data-many').replace('{count}', String(sessions)));
    }
    if (list.length > sessions) parts.push(config.getAttribute('data-morning'));
    box.hidden = list.length === 0;
    text.textContent = parts.join(' ');
  }

  function refused(message) {
    var box = document.getElementById('portal-outbox-refused');
    if (!box) return;
    box.textContent = config.getAttribute('data-refused') + ' ' + message;
    box.hidden = false;
  }

  function errorText(body) {
    var errors = (body && body.errors) || {};
    return Object.keys(errors).map(function (field) {
      return [].concat(errors[field]).join(' ');
    }).join(' ');
  }

  // Send one kept entry. Resolves true when the server has it (now or before), false to keep
  // it for later (offline, signed out), and drops it with a message if the server refuses it.
  function send(entry) {
    var body = new URLSearchParams();
    entry.fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
    return fetch(entry.url, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: {
        'X-CSRFToken': config.getAttribute('data-csrf'),
        Accept: 'application/json'
      }
    }).then(function (response) {
      var json = (response.headers.get('Content-Type') || '').indexOf('application/json') === 0;
      if (!json || response.redirected) return false;  // signed out: keep it
      return response.json().then(function (answer) {
        if (response.ok && answer.saved) {
          remove(entry.id);
          return true;
        }
        remove(entry.id);
        refused(errorText(answer));
        return false;
      });
    }).catch(function () { return false; });
  }

  function sync() {
    if (!navigator.onLine) return Promise.resolve(0);
    var list = pending();
    var note = document.getElementById('portal-outbox-text');
    if (list.length && note) note.textContent = config.getAttribute('data-sending');
    // One after another: a morning answer needs its session on the server first.
    return list.reduce(function (chain, entry) {
      return chain.then(function (sent) {
        return send(entry).then(function (ok) { return sent + (ok ? 1 : 0); });
      });
    }, Promise.resolve(0)).then(function (sent) { render(); return sent; });
  }

  // ------------------------------------------------------------ the forms --
  function showEmergency(form) {
    var advice = document.getElementById('offline-emergency');
    if (!advice) return;
    advice.hidden = false;
    advice.focus();
    advice.scrollIntoView({ block: 'start' });
  }

  function hasEmergency(form) {
    return form.querySelector('[data-emergency-symptoms] input:checked') !== null;
  }

  function keepOffline(form) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== 'csrfmiddlewaretoken' && name !== 'client_token' && name !== 'performed_at') {
        fields.push([name, String(value)]);
      }
    });
    var token = newToken();
    fields.push(['client_token', token], ['performed_at', new Date().toISOString()]);
    var list = pending();
    list.push({ id: token, kind: form.getAttribute('data-offline-form'),
      url: form.getAttribute('data-sync-url'), fields: fields });
    store(list);
  }

  document.querySelectorAll('form[data-offline-form]').forEach(function (form) {
    var emergencyBox = form.querySelector('[data-emergency-symptoms]');
    if (emergencyBox) {
      emergencyBox.addEventListener('change', function () {
        if (!navigator.onLine && hasEmergency(form)) showEmergency(form);
      });
    }
    form.addEventListener('submit', function (event) {
      if (navigator.onLine) return;  // online: the server answers as usual
      event.preventDefault();
      if (!form.checkValidity()) { form.reportValidity(); return; }
      keepOffline(form);
      form.dispatchEvent(new CustomEvent('backstrong:kept', { bubbles: true }));
      if (hasEmergency(form)) { showEmergency(form); return; }
      form.hidden = true;
      var saved = document.getElementById('offline-saved') ||
        form.parentNode.querySelector('[data-offline-saved]');
      if (saved) { saved.hidden = false; saved.focus(); }
    });
  });

  window.addEventListener('online', function () { render(); sync(); });
  window.addEventListener('offline', render);
  window.addEventListener('storage', function (event) { if (event.key === KEY) render(); });

  window.BackstrongOffline = { sync: sync, send: send, pending: pending };
  render();
  sync();
})();
