// The portal's only script (a separate file: the Content-Security-Policy allows no inline script). Pages work
// without it; it adds five things: a question before a user's access is ended, the copy button of the headline, the live progress of a rerun, 返回修改 as the
// browser's back (the form as it was typed), and a warning before an idle session ends, with a button that keeps it.
(function () {
  'use strict';

  // Every request this page makes keeps the session alive: the idle warning hears of each (setupSessionWarning)
  var requested = function () {};

  function setupCopy() {
    document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
      var source = document.getElementById(button.getAttribute('data-copy'));
      if (!source) { return; }
      button.hidden = false;
      button.addEventListener('click', function () {
        var text = source.textContent.trim();
        var done = function () {
          var note = document.getElementById('copied');
          // written anew each time: a live region announces a change of its text, not an element shown again
          if (note) { note.hidden = false; note.textContent = ''; note.textContent = '已复制'; }
          button.setAttribute('data-copied', text);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { selectAndCopy(source); done(); });
        } else {
          selectAndCopy(source);
          done();
        }
      });
    });
  }

  // 返回修改 on an error page: the browser's own back keeps what was typed in the form (its address, the page the form
  // was on before, comes back with the values of before)
  function setupBack() {
    document.querySelectorAll('a.back').forEach(function (link) {
      link.addEventListener('click', function (event) {
        if (window.history.length > 1) {
          event.preventDefault();
          window.history.back();
        }
      });
    });
  }

  // http:// on a LAN is not a secure context: the Clipboard API is missing there, the selection still works
  function selectAndCopy(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try { document.execCommand('copy'); } catch (e) { /* the text stays selected for Ctrl+C */ }
  }

  function setupProgress() {
    var panel = document.getElementById('rerun');
    if (!panel || panel.getAttribute('data-running') !== 'true') { return; }
    var url = panel.getAttribute('data-state-url');
    var poll = function () {
      // X-Requested-With: a script's request, never the page a sign-in goes on to (ContinueAfterSignIn)
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          requested();
          document.getElementById('rerun-progress').max = s.total;
          document.getElementById('rerun-progress').value = s.done;
          document.getElementById('rerun-done').textContent = s.done;
          document.getElementById('rerun-total').textContent = s.total;
          var status = document.getElementById('rerun-status');
          // only a change: the status is a live region, and the same word every second would be read out every second
          var said = s.status_name || s.status;
          if (status.textContent !== said) { status.textContent = said; }
          status.title = s.status;
          status.className = 'status ' + s.status.toLowerCase();
          if (s.running) {
            setTimeout(poll, 1000);
          } else {
            // the finished page shows the end time, the message and the restart button
            window.location.reload();
          }
        })
        .catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 1000);
  }

  // The session ends after its idle minutes (MLPS); two minutes before, the page says so and 继续使用 keeps it (a
  // request to /account/session), so nobody loses a half-filled form to the sign-in page without a word (WCAG 2.2.1).
  // Every page of the portal open in this browser notes its last request in localStorage: a tab counts from the latest,
  // so another tab in use keeps this one from warning, or from saying the session ended when it has not (tester).
  function setupSessionWarning() {
    var seconds = parseInt(document.body.getAttribute('data-session-seconds'), 10);
    var box = document.getElementById('session-warning');
    if (!box || !(seconds > 0)) { return; }
    var text = document.getElementById('session-warning-text');
    var keep = document.getElementById('session-keep');
    var signIn = document.getElementById('session-signin');
    var warnBefore = Math.min(120, Math.floor(seconds / 2));
    var KEY = 'fraudstats-last-request';
    var loaded = Date.now();
    var warnTimer, endTimer;
    var lastRequest = function () {
      var other = 0;
      try { other = parseInt(window.localStorage.getItem(KEY), 10) || 0; } catch (e) { /* storage refused: this tab alone */ }
      return Math.max(loaded, other);
    };
    var noteRequest = function () {
      loaded = Date.now();
      try { window.localStorage.setItem(KEY, String(loaded)); } catch (e) { /* this tab alone */ }
    };
    var say = function (words) { text.textContent = ''; text.textContent = words; };
    // room below the page while the box is shown: fixed at the foot, it covered the page's last lines and its footer
    // even scrolled to the end (r35b)
    var room = function () { document.body.style.paddingBottom = box.hidden ? '' : (box.offsetHeight + 16) + 'px'; };
    if (window.MutationObserver) { new MutationObserver(room).observe(box, { attributes: true, attributeFilter: ['hidden'] }); }
    var ended = function () {
      box.hidden = false;
      keep.hidden = true;
      signIn.hidden = false;
      say('长时间未操作，登录应已超时：请重新登录（未提交的内容需重新填写）。');
    };
    var warn = function () {
      box.hidden = false;
      keep.hidden = false;
      signIn.hidden = true;
      say('长时间未操作，登录将在 ' + (warnBefore % 60 === 0 ? warnBefore / 60 + ' 分钟' : warnBefore + ' 秒') + '后超时。要继续使用，请点“继续使用”。');
      // not from under someone typing: the alert is read out, the button one Tab away
      var active = document.activeElement;
      if (!active || !/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) { keep.focus(); }
    };
    var start = function () {
      clearTimeout(warnTimer);
      clearTimeout(endTimer);
      var since = lastRequest();
      var now = Date.now();
      var warnAt = since + (seconds - warnBefore) * 1000;
      var endAt = since + seconds * 1000;
      // each timer looks again when it fires: another tab may have asked something meanwhile
      warnTimer = setTimeout(function () { if (lastRequest() > since) { start(); } else { warn(); } }, Math.max(0, warnAt - now));
      endTimer = setTimeout(function () { if (lastRequest() > since) { box.hidden = true; start(); } else { ended(); } }, Math.max(0, endAt - now));
    };
    // another signed-in page loaded, or kept the session: it is alive, whatever this tab said
    window.addEventListener('storage', function (event) {
      if (event.key === KEY) { box.hidden = true; start(); }
    });
    // a tab put to sleep (a laptop closed) fires its timers late: counted again from the clock when it is seen,
    // unless the warning is on screen already (said again, it would be read out again)
    var warning = function () { return !box.hidden && !keep.hidden; };
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden && !warning()) { start(); }
    });
    // a download from this page (a PDF of the archive) is a request too, which a page load would not note
    document.addEventListener('click', function (event) {
      var link = event.target.closest && event.target.closest('a[href]');
      if (link && link.origin === window.location.origin) { noteRequest(); start(); }
    });
    requested = function () { noteRequest(); start(); };
    keep.addEventListener('click', function () {
      fetch(keep.getAttribute('data-url') || '/account/session',
            { credentials: 'same-origin', redirect: 'manual', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
        .then(function (r) {
          if (r.status === 204) {
            box.hidden = true;
            noteRequest();
            start();
          } else {
            ended();
          }
        })
        .catch(ended);
    });
    noteRequest();
    start();
  }

  // A form that ends or locks another user's access asks first (data-confirm): on a phone 停用 sat a finger's slip from
  // 登记动态口令, and either ends every session of the user at once (accessibility tester r35b). Without the script
  // the form posts as before; the audit log records either way.
  function setupConfirm() {
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) {
          event.preventDefault();
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    setupCopy();
    setupProgress();
    setupBack();
    setupConfirm();
    setupSessionWarning();
  });
})();
