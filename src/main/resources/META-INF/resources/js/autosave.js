// Autosave of the open editor: every few seconds, when the text changed, a copy goes to the server as the
// editor's autosave (the post itself does not change). Reopening the editor offers that copy back when it is
// newer than the last save. Only for posts that exist; a new post has no address to keep a copy under yet.
(function () {
  'use strict';
  var aside = document.getElementById('desk-actions');
  var form = document.querySelector('form.write-form');
  if (!aside || !form || !window.fetch) {
    return;
  }
  var url = aside.getAttribute('data-autosave-url');
  var token = form.querySelector('input[name="csrf-token"]');
  var status = document.getElementById('autosave-status');
  // times as the page's language writes them (its words come from the page too), not the browser's
  var language = document.documentElement.lang || undefined;
  var field = function (name) {
    return form.querySelector('[name="' + name + '"]');
  };
  var current = function () {
    return {
      title: field('title').value,
      body: field('body').value,
      excerpt: field('excerpt') ? field('excerpt').value : ''
    };
  };
  var headers = {
    'Content-Type': 'application/json',
    'Accept': 'application/json',
    'X-CSRF-TOKEN': token ? token.value : ''
  };
  var lastSent = JSON.stringify(current());
  var saving = false;

  function save() {
    var text = JSON.stringify(current());
    if (saving || text === lastSent) {
      return;
    }
    saving = true;
    fetch(url, { method: 'PUT', body: text, headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        if (response.ok) {
          lastSent = text;
          status.textContent = status.getAttribute('data-kept') + ' ' + new Date().toLocaleTimeString(language) + '.';
        } else {
          status.textContent = status.getAttribute('data-failed') + ' (' + response.status + ').';
        }
      })
      .catch(function () {
        status.textContent = status.getAttribute('data-offline');
      })
      .then(function () {
        saving = false;
      });
  }

  window.setInterval(save, 5000);
  window.addEventListener('pagehide', save);
  // a real save replaces the copy, so stop sending one
  form.addEventListener('submit', function () {
    lastSent = JSON.stringify(current());
  });

  var offer = document.getElementById('autosave-offer');
  fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then(function (response) {
      return response.status === 200 ? response.json() : null;
    })
    .then(function (copy) {
      if (!copy || (copy.body === field('body').value && copy.title === field('title').value)) {
        return;
      }
      var time = document.getElementById('autosave-time');
      var at = new Date(copy.createdAt);
      // HTML allows at most three digits of a second's fraction; the server sends more
      time.setAttribute('datetime', at.toISOString());
      time.textContent = at.toLocaleString(language);
      offer.hidden = false;
      document.getElementById('autosave-restore').addEventListener('click', function () {
        field('title').value = copy.title;
        field('body').value = copy.body;
        if (field('excerpt')) {
          field('excerpt').value = copy.excerpt;
        }
        offer.hidden = true;
        field('body').focus();
      });
      document.getElementById('autosave-dismiss').addEventListener('click', function () {
        offer.hidden = true;
      });
    })
    .catch(function () {
      // no offer then: the saved text is in the editor as always
    });
}());
