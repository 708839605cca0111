// Progressive enhancement only: without this script the file picker uploads as before.
// Media library: an image dropped on the upload form or pasted on the page is uploaded with that form.
// Write page: an image dropped or pasted into the body is uploaded to the library and its Markdown inserted.
(function () {
  'use strict';
  if (!window.fetch || !window.FormData || !window.DataTransfer) {
    return;
  }

  function firstImage(list) {
    for (var i = 0; list && i < list.length; i++) {
      if (list[i].type && list[i].type.indexOf('image/') === 0) {
        return list[i];
      }
    }
    return null;
  }

  function token(form) {
    var input = form.querySelector('input[name="csrf-token"]');
    return input ? input.value : '';
  }

  var upload = document.querySelector('form[action="/media"][enctype="multipart/form-data"]');
  if (upload) {
    var picker = upload.querySelector('input[type=file]');
    var send = function (file) {
      var transfer = new DataTransfer();
      transfer.items.add(file);
      picker.files = transfer.files;
      upload.requestSubmit ? upload.requestSubmit() : upload.submit();
    };
    upload.addEventListener('dragover', function (event) {
      event.preventDefault();
      upload.classList.add('dropping');
    });
    upload.addEventListener('dragleave', function () {
      upload.classList.remove('dropping');
    });
    upload.addEventListener('drop', function (event) {
      event.preventDefault();
      upload.classList.remove('dropping');
      var file = firstImage(event.dataTransfer.files);
      if (file) {
        send(file);
      }
    });
    document.addEventListener('paste', function (event) {
      var file = firstImage(event.clipboardData && event.clipboardData.files);
      if (file) {
        event.preventDefault();
        send(file);
      }
    });
  }

  var write = document.querySelector('form.write-form');
  var body = write && write.querySelector('textarea[name=body]');
  if (body) {
    var status = document.createElement('p');
    status.className = 'small';
    status.setAttribute('role', 'status');
    body.parentNode.appendChild(status);
    var insert = function (file) {
      var data = new FormData();
      data.append('file', file);
      status.textContent = write.getAttribute('data-uploading').replace('%s', file.name);
      fetch('/api/v1/media', {
        method: 'POST',
        body: data,
        credentials: 'same-origin',
        headers: { 'X-CSRF-TOKEN': token(write), 'Accept': 'application/json' }
      }).then(function (response) {
        return response.json().then(function (json) {
          if (!response.ok) {
            throw new Error(json.detail || json.title || write.getAttribute('data-upload-failed'));
          }
          return json;
        });
      }).then(function (image) {
        var markdown = '![' + (image.alt || '') + '](' + image.url + ')';
        var at = body.selectionStart || 0;
        body.value = body.value.slice(0, at) + markdown + body.value.slice(body.selectionEnd || at);
        body.focus();
        body.selectionStart = body.selectionEnd = at + markdown.length;
        status.textContent = write.getAttribute('data-inserted').replace('%s', file.name);
      }).catch(function (error) {
        status.textContent = error.message;
      });
    };
    body.addEventListener('dragover', function (event) {
      if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0) {
        event.preventDefault();
      }
    });
    body.addEventListener('drop', function (event) {
      var file = firstImage(event.dataTransfer.files);
      if (file) {
        event.preventDefault();
        insert(file);
      }
    });
    body.addEventListener('paste', function (event) {
      var file = firstImage(event.clipboardData && event.clipboardData.files);
      if (file) {
        event.preventDefault();
        insert(file);
      }
    });
  }
}());
