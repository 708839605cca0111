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
