{% load i18n %}/*
 * Backstrong portal service worker (served by programs.portal.views.offline.service_worker
 * from the portal's root, so its scope is the portal).
 *
 * - Today's page and the log form: network first, the last copy when offline.
 * - Static files and the clinic's exercise pictures: from the cache once fetched.
 * - Nothing else is cached: no history, no calendar, no POST.
 */
'use strict';

var CACHE = 'backstrong-{{ version|escapejs }}';
var SCOPE = '{{ scope|escapejs }}';
var PAGES = [{% for url in offline_urls %}'{{ url|escapejs }}'{% if not forloop.last %}, {% endif %}{% endfor %}];
var OFFLINE_LANG = '{% get_current_language as language %}{{ language|escapejs }}';
var OFFLINE_TITLE = '{{ _("You are offline")|escapejs }}';
var OFFLINE_TEXT = '{{ _("This page is not kept on your phone. Today’s exercises and the session log work offline.")|escapejs }}';
var OFFLINE_LINK = '{{ _("Go to today’s exercises")|escapejs }}';

function isCachedPage(url) {
  return PAGES.indexOf(url.pathname) !== -1;
}

function isAsset(url) {
  return url.pathname.indexOf('/static/') === 0 ||
    url.pathname.indexOf(SCOPE + 'media/') === 0;
}

function keep(cache, request, response) {
  // A redirect (to the sign-in page) or an error is never kept in place of the page.
  if (response && response.ok && !response.redirected && response.type === 'basic') {
    return cache.put(request, response.clone()).then(function () { return response; });
  }
  return Promise.resolve(response);
}

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(PAGES.map(function (path) {
        var request = new Request(path, { credentials: 'same-origin' });
        return fetch(request).then(function (response) {
          return keep(cache, request, response);
        }).catch(function () { /* cached on the next visit */ });
      }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (key) {
        return key.indexOf('backstrong-') === 0 && key !== CACHE;
      }).map(function (key) { return caches.delete(key); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function offlinePage() {
  var html = '<!DOCTYPE html><html lang="' + OFFLINE_LANG + '"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title></title></head>' +
    '<body><main><h1></h1><p></p><a></a></main></body></html>';
  // Text goes in through the DOM-free route: escape it, the page has no script.
  function esc(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  html = html.replace('<title></title>', '<title>' + esc(OFFLINE_TITLE) + '</title>')
    .replace('<h1></h1>', '<h1>' + esc(OFFLINE_TITLE) + '</h1>')
    .replace('<p></p>', '<p>' + esc(OFFLINE_TEXT) + '</p>')
    .replace('<a></a>', '<a href="' + SCOPE + '">' + esc(OFFLINE_LINK) + '</a>');
  return new Response(html, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8' }
  });
}

function networkFirst(request, url) {
  return caches.open(CACHE).then(function (cache) {
    return fetch(request).then(function (response) {
      return isCachedPage(url) ? keep(cache, new Request(url.pathname), response) : response;
    }).catch(function () {
      return cache.match(url.pathname).then(function (hit) {
        return hit || offlinePage();
      });
    });
  });
}

function cacheFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        return keep(cache, request, response);
      });
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isAsset(url) && request.headers.get('range') === null) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === 'navigate' && url.pathname.indexOf(SCOPE) === 0) {
    event.respondWith(networkFirst(request, url));
  }
});

// The page lists what it shows (pictures, styles, scripts) so that they work offline even
// when they loaded before this worker was in control.
self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type === 'sign-out') {
    event.waitUntil(caches.delete(CACHE));
    return;
  }
  if (data.type !== 'keep' || !Array.isArray(data.urls)) return;
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(data.urls.map(function (href) {
      var url = new URL(href, self.location.origin);
      if (url.origin !== self.location.origin || !(isAsset(url) || isCachedPage(url))) {
        return null;
      }
      var request = new Request(isCachedPage(url) ? url.pathname : url.href, {
        credentials: 'same-origin'
      });
      return cache.match(request).then(function (hit) {
        return hit || fetch(request).then(function (response) {
          return keep(cache, request, response);
        }).catch(function () { return null; });
      });
    }));
  }));
});
