/*
 * Backstrong hold timer: countdown + rep counter for home exercises.
 *
 * Enhances every <section class="hold-timer"> on the page (see the DOM
 * contract in the template). No dependencies; safe to load with `defer`.
 * Every word it shows or announces is a data-t-* attribute of the section,
 * rendered by the template in the patient's language.
 *
 * State exposed for tests / styling on the section:
 *   data-state    "idle" | "running" | "done"  (done = last hold/rep finished)
 *   data-rep      reps counted so far in this round
 *   data-complete "true" once data-rep reached data-reps, else "false"
 *   classes       is-running, is-done (~1.5 s flash), is-complete, is-reps-only
 */
(function () {
  'use strict';

  var DONE_FLASH_MS = 1500;
  var TICK_MS = 200;
  var BEEP_HZ = 880;
  var BEEP_SECONDS = 0.2;

  // ---------------------------------------------------------------- audio --
  var audioCtx = null;
  var audioFailed = false;

  // Called from inside a click handler so the context may start/resume.
  function unlockAudio() {
    if (audioFailed) return;
    try {
      if (!audioCtx) {
        var Ctx = window.AudioContext || window.webkitAudioContext;
        if (!Ctx) { audioFailed = true; return; }
        audioCtx = new Ctx();
      }
      if (audioCtx.state === 'suspended' && audioCtx.resume) {
        var p = audioCtx.resume();
        if (p && p.catch) p.catch(function () {});
      }
    } catch (e) {
      audioFailed = true;
      audioCtx = null;
    }
  }

  function beep() {
    if (!audioCtx || audioFailed) return;
    try {
      var t = audioCtx.currentTime;
      var osc = audioCtx.createOscillator();
      var gain = audioCtx.createGain();
      osc.type = 'sine';
      osc.frequency.setValueAtTime(BEEP_HZ, t);
      // Short ramps avoid clicks at start/end of the tone.
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.3, t + 0.01);
      gain.gain.setValueAtTime(0.3, t + BEEP_SECONDS - 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + BEEP_SECONDS);
      osc.connect(gain);
      gain.connect(audioCtx.destination);
      osc.start(t);
      osc.stop(t + BEEP_SECONDS + 0.02);
    } catch (e) { /* audio is a nicety: fail silently */ }
  }

  function vibrate() {
    try {
      if (navigator.vibrate) navigator.vibrate(200);
    } catch (e) { /* ignore */ }
  }

  function now() {
    return (window.performance && performance.now) ? performance.now() : Date.now();
  }

  function toInt(value, fallback) {
    var n = parseInt(value, 10);
    return isNaN(n) ? fallback : n;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // Move the given child nodes of `parent` into a new wrapper span.
  function wrapChildren(parent, className, nodes) {
    var wrap = el('span', className);
    parent.insertBefore(wrap, nodes[0] || null);
    nodes.forEach(function (n) { wrap.appendChild(n); });
    return wrap;
  }

  // --------------------------------------------------------------- timer --
  function HoldTimer(section) {
    this.section = section;
    this.hold = Math.max(0, toInt(section.getAttribute('data-hold-seconds'), 0));
    this.exercise = section.getAttribute('data-exercise') || '';

    this.display = section.querySelector('.hold-timer-display');
    this.secondsEl = section.querySelector('.hold-timer-seconds');
    this.repsLine = section.querySelector('.hold-timer-reps');
    this.repEl = section.querySelector('.hold-timer-rep');
    this.totalEl = section.querySelector('.hold-timer-total');
    this.startBtn = section.querySelector('.hold-timer-start');
    this.resetBtn = section.querySelector('.hold-timer-reset');

    var total = toInt(section.getAttribute('data-reps'), NaN);
    if (isNaN(total) && this.totalEl) total = toInt(this.totalEl.textContent, NaN);
    this.total = Math.max(1, isNaN(total) ? 1 : total);

    this.rep = 0;
    this.running = false;
    this.endAt = 0;
    this.lastShown = null;
    this.tickId = null;
    this.flashId = null;
    this.announceId = null;

    this.buildDom();
    this.bind();
    this.setState('idle');
    this.render();
  }

  // The words come from the page (data-t-* attributes rendered in the patient's language);
  // "{rep}" stands for the rep just counted, the only number the page cannot know.
  HoldTimer.prototype.t = function (key, rep) {
    var text = this.section.getAttribute('data-t-' + key) || '';
    return text.replace('{rep}', String(rep));
  };

  HoldTimer.prototype.buildDom = function () {
    var s = this.section;

    // Screen-reader announcements (start / end only, never per second).
    this.announcer = el('span', 'visually-hidden hold-timer-announce');
    this.announcer.setAttribute('aria-live', 'assertive');
    this.announcer.setAttribute('aria-atomic', 'true');
    s.appendChild(this.announcer);

    if (this.display) {
      // Wrap "<seconds> s" so it can be swapped for the "Done — rest" text
      // while keeping .hold-timer-seconds in the DOM.
      var kids = Array.prototype.slice.call(this.display.childNodes);
      this.countWrap = wrapChildren(this.display, 'hold-timer-count', kids);
      this.message = el('span', 'hold-timer-message');
      this.message.hidden = true;
      // Announced through the announcer instead; avoid double speech.
      this.message.setAttribute('aria-hidden', 'true');
      this.display.appendChild(this.message);
    }

    if (this.repsLine) {
      var repKids = Array.prototype.slice.call(this.repsLine.childNodes);
      this.progressWrap = wrapChildren(this.repsLine, 'hold-timer-progress', repKids);
      this.completeText = el('span', 'hold-timer-complete');
      this.completeText.hidden = true;
      this.repsLine.appendChild(this.completeText);
    }

    if (this.totalEl) this.totalEl.textContent = String(this.total);
    if (this.hold === 0) s.classList.add('is-reps-only');
    this.clearFlash();
  };

  HoldTimer.prototype.bind = function () {
    var self = this;
    if (this.startBtn) {
      this.startBtn.addEventListener('click', function () { self.onStart(); });
    }
    if (this.resetBtn) {
      this.resetBtn.addEventListener('click', function () { self.reset(); });
    }
    // Background tabs throttle timers; catch up as soon as we are visible.
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden && self.running) self.tick();
    });
  };

  HoldTimer.prototype.setState = function (state) {
    this.section.setAttribute('data-state', state);
    this.section.setAttribute('data-rep', String(this.rep));
    this.section.setAttribute('data-complete', this.isComplete() ? 'true' : 'false');
    this.section.classList.toggle('is-running', state === 'running');
    this.section.classList.toggle('is-complete', this.isComplete());
  };

  HoldTimer.prototype.isComplete = function () {
    return this.rep >= this.total;
  };

  HoldTimer.prototype.announce = function (text) {
    var a = this.announcer;
    // Clear first so identical consecutive messages are re-announced.
    a.textContent = '';
    if (this.announceId) clearTimeout(this.announceId);
    this.announceId = setTimeout(function () { a.textContent = text; }, 60);
  };

  HoldTimer.prototype.showSeconds = function (n) {
    if (!this.secondsEl || n === this.lastShown) return;
    this.lastShown = n;
    this.secondsEl.textContent = String(n);
  };

  // Static parts of the widget: buttons, rep line, idle display.
  HoldTimer.prototype.render = function () {
    var complete = this.isComplete();
    if (this.repEl) this.repEl.textContent = String(this.rep);
    if (this.progressWrap) this.progressWrap.hidden = complete;
    if (this.completeText) {
      this.completeText.hidden = !complete;
      this.completeText.textContent = complete
        ? this.t('all-done')
        : '';
    }
    if (this.startBtn) {
      var label;
      if (this.running) label = this.t('stop');
      else if (complete) label = this.t('start-again');
      else label = this.hold > 0 ? this.t('start-hold') : this.t('count-rep');
      this.startBtn.textContent = label;
    }
    if (!this.running && this.hold > 0) this.showSeconds(this.hold);
    if (this.secondsEl) {
      if (this.running) this.secondsEl.setAttribute('aria-hidden', 'true');
      else this.secondsEl.removeAttribute('aria-hidden');
    }
  };

  HoldTimer.prototype.clearFlash = function () {
    if (this.flashId) { clearTimeout(this.flashId); this.flashId = null; }
    this.section.classList.remove('is-done');
    if (!this.message || !this.countWrap) return;
    if (this.hold === 0) {
      // Nothing to count down: show a hint instead of "0 s".
      this.message.textContent = this.t('reps-only');
      this.message.hidden = false;
      this.countWrap.hidden = true;
    } else {
      this.message.textContent = '';
      this.message.hidden = true;
      this.countWrap.hidden = false;
    }
  };

  HoldTimer.prototype.flashDone = function () {
    var self = this;
    this.clearFlash();
    this.section.classList.add('is-done');
    if (this.message && this.countWrap) {
      this.message.textContent = this.t('done-rest');
      this.message.hidden = false;
      this.countWrap.hidden = true;
    }
    this.flashId = setTimeout(function () { self.clearFlash(); }, DONE_FLASH_MS);
  };

  HoldTimer.prototype.onStart = function () {
    unlockAudio();
    if (this.running) { this.stop(); return; }

    if (this.isComplete()) {
      // New round from rep 0. A hold starts straight away; a reps-only
      // exercise just resets so the next press counts rep 1.
      this.rep = 0;
      this.clearFlash();
      if (this.hold === 0) {
        this.setState('idle');
        this.render();
        this.announce(this.t('new-round'));
        return;
      }
    }

    if (this.hold === 0) { this.completeRep(); return; }
    this.startHold();
  };

  HoldTimer.prototype.startHold = function () {
    var self = this;
    this.clearFlash();
    this.running = true;
    this.endAt = now() + this.hold * 1000;
    this.lastShown = null;
    this.setState('running');
    this.render();
    this.showSeconds(this.hold);
    this.announce(this.t('hold'));
    this.tickId = setInterval(function () { self.tick(); }, TICK_MS);
  };

  HoldTimer.prototype.tick = function () {
    if (!this.running) return;
    var remainingMs = this.endAt - now();
    if (remainingMs <= 0) {
      this.showSeconds(0);
      this.stopTicking();
      this.completeRep();
      return;
    }
    this.showSeconds(Math.ceil(remainingMs / 1000));
  };

  HoldTimer.prototype.stopTicking = function () {
    if (this.tickId) { clearInterval(this.tickId); this.tickId = null; }
    this.running = false;
  };

  HoldTimer.prototype.completeRep = function () {
    this.running = false;
    if (this.rep < this.total) this.rep += 1;
    this.setState('done');
    this.render();
    this.flashDone();
    beep();
    vibrate();
    var msg = this.t('rep-done', this.rep) + ' ' + (this.isComplete() ? this.t('all-reps-done') : this.t('rest'));
    this.announce(msg);
  };

  // Cancel a running hold without counting it.
  HoldTimer.prototype.stop = function () {
    this.stopTicking();
    this.setState('idle');
    this.render();
    this.announce(this.t('stopped'));
  };

  HoldTimer.prototype.reset = function () {
    this.stopTicking();
    this.clearFlash();
    this.rep = 0;
    this.setState('idle');
    this.render();
    this.announce(this.t('reset'));
  };

  // ---------------------------------------------------------------- init --
  function init(root) {
    var scope = root || document;
    var found = [];
    if (scope.classList && scope.classList.contains('hold-timer')) found.push(scope);
    var list = scope.querySelectorAll ? scope.querySelectorAll('.hold-timer') : [];
    Array.prototype.forEach.call(list, function (s) { found.push(s); });

    var timers = [];
    found.forEach(function (section) {
      if (section.holdTimer) { timers.push(section.holdTimer); return; }
      section.holdTimer = new HoldTimer(section);
      timers.push(section.holdTimer);
    });
    return timers;
  }

  window.BackstrongHoldTimer = { init: init };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(document); });
  } else {
    init(document);
  }
})();
