// The portal's only script (a separate file: the Content-Security-Policy allows no inline script). Pages work
// without it; it adds three things: the copy button of the headline, the live progress of a rerun, and 返回修改 as the
// browser's back (the form as it was typed).
(function () {
  'use strict';

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
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          document.getElementById('rerun-progress').max = s.total;
          document.getElementById('rerun-progress').value = s.done;
          document.getElementById('rerun-done').textContent = s.done;
          document.getElementById('rerun-total').textContent = s.total;
          var status = document.getElementById('rerun-status');
          // only a change: the status is a live region, and the same word every second would be read out every second
          if (status.textContent !== s.status) { status.textContent = s.status; }
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

  document.addEventListener('DOMContentLoaded', function () {
    setupCopy();
    setupProgress();
    setupBack();
  });
})();
