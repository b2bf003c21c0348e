// Progressive enhancement only: every page works without this file.
// Uploads (a redacted copy) show their progress; the form is sent as it would be without script, and the page the
// server answers replaces this one.
document.addEventListener('DOMContentLoaded', () => {
  for (const form of document.querySelectorAll('form.upload')) {
    form.addEventListener('submit', (event) => {
      const progress = form.querySelector('progress');
      if (!progress || !window.XMLHttpRequest) return;
      event.preventDefault();
      const request = new XMLHttpRequest();
      request.open('POST', form.action);
      progress.hidden = false;
      request.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
      });
      request.addEventListener('load', () => {
        document.open();
        document.write(request.responseText);
        document.close();
        history.replaceState(null, '', request.responseURL);
      });
      request.addEventListener('error', () => form.submit());
      request.send(new FormData(form));
    });
  }
});
