// Progressive enhancement only: every page works without this script.
// Write page: the Preview button renders in place instead of reloading the page.
(function () {
  'use strict';
  var form = document.querySelector('form.write-form');
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var panel = document.getElementById('preview');
  var target = panel && panel.querySelector('.preview-body');
  form.querySelectorAll('button[value=preview]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      event.preventDefault();
      var data = new FormData();
      var token = form.querySelector('input[name="csrf-token"]');
      data.append('body', form.querySelector('textarea[name=body]').value);
      if (token) {
        data.append('csrf-token', token.value);
      }
      fetch(form.getAttribute('data-preview-url'), {
        method: 'POST',
        body: new URLSearchParams(data),
        credentials: 'same-origin'
      }).then(function (response) {
        if (!response.ok) {
          throw new Error('preview failed');
        }
        return response.text();
      }).then(function (html) {
        // the server renders and sanitizes this HTML exactly as it does on save
        target.innerHTML = html;
        panel.hidden = false;
        panel.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
      }).catch(function () {
        form.requestSubmit(button);
      });
    });
  });
}());

// Comments: "Reply" moves the form under the comment instead of opening the reply page, and the
// Preview button renders in place. Without this script both work as plain links and form posts.
(function () {
  'use strict';
  var respond = document.getElementById('respond');
  var form = document.getElementById('comment-form');
  if (!respond || !form) {
    return;
  }
  var home = respond.parentNode;
  var homeNext = respond.nextSibling;
  var parentField = document.getElementById('comment-parent');
  var note = document.getElementById('replying-to');
  var title = document.getElementById('reply-title');
  var originalTitle = title.textContent;
  document.querySelectorAll('a.reply-link[data-reply-to]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      var item = document.getElementById('comment-' + link.getAttribute('data-reply-to'));
      // right under the comment, above its replies
      var article = item.querySelector('.comment-inner');
      item.insertBefore(respond, article.nextSibling);
      parentField.value = link.getAttribute('data-reply-to');
      title.textContent = link.getAttribute('data-reply-title');
      note.hidden = false;
      form.querySelector('textarea[name=body]').focus();
    });
  });
  document.getElementById('cancel-reply').addEventListener('click', function () {
    home.insertBefore(respond, homeNext);
    parentField.value = '';
    title.textContent = originalTitle;
    note.hidden = true;
  });
  var panel = document.getElementById('comment-preview');
  form.querySelectorAll('button[value=preview]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      if (!window.fetch) {
        return;
      }
      event.preventDefault();
      var data = new URLSearchParams();
      data.append('body', form.querySelector('textarea[name=body]').value);
      data.append('csrf-token', form.querySelector('input[name="csrf-token"]').value);
      fetch(form.getAttribute('data-preview-url'), { method: 'POST', body: data, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('preview failed');
          }
          return response.text();
        })
        .then(function (html) {
          // rendered and sanitized by the server exactly as a posted comment is
          panel.querySelector('.preview-body').innerHTML = html;
          panel.hidden = false;
        })
        .catch(function () {
          form.requestSubmit(button);
        });
    });
  });
}());

// Folded replies: a link to a comment inside a folded sub-thread (a permalink, "in reply to", the address's
// #comment-N) unfolds what hides it. Without this script the reader unfolds it with its summary.
(function () {
  'use strict';
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) {
      return;
    }
    var hidden = false;
    for (var node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS' && !node.open) {
        node.open = true;
        hidden = true;
      }
    }
    if (hidden) {
      target.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', reveal);
  reveal();
}());
