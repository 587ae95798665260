/*
 * Reps counted by the hold timer (hold-timer.js) carry into the session log: the Today page
 * keeps each exercise's count in sessionStorage, the log form fills its reps field from it.
 * Without this script the form simply shows the prescribed reps.
 */
(function () {
  'use strict';

  var PREFIX = 'backstrong-reps-';

  function read(item) {
    try {
      var n = parseInt(window.sessionStorage.getItem(PREFIX + item), 10);
      return isNaN(n) ? 0 : n;
    } catch (e) {
      return 0;
    }
  }

  function write(item, reps) {
    try { window.sessionStorage.setItem(PREFIX + item, String(reps)); } catch (e) { /* full */ }
  }

  // Today: follow each timer's data-rep (its count this round); a reset to 0 keeps the count.
  document.querySelectorAll('.hold-timer[data-item]').forEach(function (timer) {
    var item = timer.getAttribute('data-item');
    new MutationObserver(function () {
      var rep = parseInt(timer.getAttribute('data-rep'), 10);
      if (rep > 0) write(item, rep);
    }).observe(timer, { attributes: true, attributeFilter: ['data-rep'] });
  });

  // The log form: fill in what was counted, and forget it once the session is sent or kept.
  document.querySelectorAll('form[data-offline-form="session"]').forEach(function (form) {
    var items = [];
    form.querySelectorAll('[data-item]').forEach(function (card) {
      var item = card.getAttribute('data-item');
      var counted = read(item);
      var reps = form.querySelector('input[name="reps_' + item + '"]');
      if (!counted || !reps || form.querySelector('.is-invalid')) return;
      items.push(item);
      reps.value = String(counted);
      var note = card.querySelector('[data-reps-counted]');
      if (note) note.hidden = false;
      var done = form.querySelector('input[name="done_' + item + '"]');
      if (done) done.checked = true;
    });
    function forget() {
      items.forEach(function (item) {
        try { window.sessionStorage.removeItem(PREFIX + item); } catch (e) { /* ignore */ }
      });
    }
    form.addEventListener('submit', function () { if (navigator.onLine) forget(); });
    form.addEventListener('backstrong:kept', forget);
  });
})();
