// Progressive enhancement only: every page works without this file.
'use strict';

// What is typed in a form is kept in this browser until the server has it: a session that expired, or a lost
// connection, loses nothing. data-version is the draft's version when the page was made; what was kept is put back
// only while the draft is still at that version (else the server has newer content, and it wins).
function keepForms() {
  for (const form of document.querySelectorAll('form.keep[data-keep]')) {
    const key = 'portal-form:' + form.dataset.keep;
    const version = form.dataset.version || '';
    try {
      const kept = JSON.parse(localStorage.getItem(key) || 'null');
      if (kept && kept.version === version && !form.querySelector('[aria-invalid]')) {
        for (const [name, values] of Object.entries(kept.fields)) {
          const fields = form.querySelectorAll('[name="' + CSS.escape(name) + '"]');
          fields.forEach((field) => {
            if (field.type === 'checkbox' || field.type === 'radio') field.checked = values.includes(field.value);
            else if (field.type !== 'hidden' && field.type !== 'file') field.value = values[0] ?? '';
          });
        }
        const notice = document.getElementById('restored');
        if (notice) notice.hidden = false;
      } else if (kept) {
        localStorage.removeItem(key);
      }
    } catch (e) { /* storage unavailable: nothing is kept */ }
    const save = () => {
      const fields = {};
      for (const field of form.elements) {
        if (!field.name || field.type === 'hidden' || field.type === 'file' || field.type === 'submit') continue;
        if ((field.type === 'checkbox' || field.type === 'radio') && !field.checked) { fields[field.name] ??= []; continue; }
        (fields[field.name] ??= []).push(field.value);
      }
      try { localStorage.setItem(key, JSON.stringify({ version, fields })); } catch (e) { /* full or off */ }
    };
    form.addEventListener('input', save);
    form.addEventListener('change', save);
  }
  for (const element of document.querySelectorAll('[data-clear]')) {
    try { localStorage.removeItem('portal-form:' + element.dataset.clear); } catch (e) { /* nothing kept */ }
  }
}

async function sha256Hex(file) {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function post(url, fields) {
  return fetch(url, { method: 'POST', body: new URLSearchParams(fields), credentials: 'same-origin',
    headers: { Accept: 'application/json' }, redirect: 'error' });
}

// Documents go straight to object storage: a presigned URL from the portal, a PUT with progress, then the portal
// asks submission-service to check what arrived. Without fetch or WebCrypto, the form streams through the portal.
function directUploads() {
  for (const form of document.querySelectorAll('form.upload[data-start]')) {
    form.addEventListener('submit', async (event) => {
      const input = form.querySelector('input[type=file]');
      const file = input && input.files[0];
      if (!file || !window.fetch || !window.crypto || !crypto.subtle) return;
      event.preventDefault();
      const progress = form.querySelector('progress');
      const status = form.querySelector('.upload-status');
      const button = form.querySelector('button[type=submit]');
      const csrf = form.querySelector('input[type=hidden][name]:not([name=key])');
      const say = (text) => { status.textContent = text; };
      const fail = (text) => { say(text || form.dataset.msgFailed); button.disabled = false; progress.hidden = true; };
      button.disabled = true;
      progress.hidden = false;
      progress.value = 0;
      try {
        say(form.dataset.msgHashing);
        const sha256 = await sha256Hex(file);
        const started = await post(form.dataset.start, { [csrf.name]: csrf.value, role: form.elements.role.value,
          fileName: file.name, size: String(file.size), sha256 });
        const ticket = await started.json();
        if (!started.ok) { fail(ticket.error); return; }
        say(form.dataset.msgSending);
        const sent = await new Promise((resolve) => {
          const request = new XMLHttpRequest();
          request.open(ticket.method || 'PUT', ticket.url);
          request.upload.addEventListener('progress', (e) => {
            if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
          });
          request.addEventListener('load', () => resolve(request.status >= 200 && request.status < 300));
          request.addEventListener('error', () => resolve(false));
          request.send(file);
        });
        if (!sent) { fail(); return; }
        say(form.dataset.msgChecking);
        const completed = await post(form.dataset.complete + ticket.uploadId + '/complete',
          { [csrf.name]: csrf.value });
        const answer = await completed.json();
        if (!completed.ok) { fail(answer.error); return; }
        window.location.reload();
      } catch (e) {
        // Signed out meanwhile, or the portal away: the plain form takes over (and signs in again if needed).
        form.submit();
      }
    });
  }
}

// The time left before the deadline, as the page said it when it was made, counts down while the page is open.
function countdowns() {
  for (const element of document.querySelectorAll('.countdown[data-deadline][data-format]')) {
    const deadline = Date.parse(element.dataset.deadline);
    if (Number.isNaN(deadline)) continue;
    const tick = () => {
      const left = Math.floor((deadline - Date.now()) / 60000);
      if (left < 0) {
        element.textContent = element.dataset.passed;
        return false;
      }
      const [days, hours, minutes] = [Math.floor(left / 1440), Math.floor((left % 1440) / 60), left % 60];
      element.textContent = element.dataset.format.replace('DD', days).replace('HH', hours).replace('MM', minutes);
      return true;
    };
    if (tick()) {
      const timer = setInterval(() => { if (!tick()) clearInterval(timer); }, 15000);
    }
  }
}

function enhance() {
  keepForms();
  countdowns();
  directUploads();
  for (const form of document.querySelectorAll('form.submit-once')) {
    form.addEventListener('submit', () => {
      // The Idempotency-Key already makes a second click harmless; this only says that one is enough.
      setTimeout(() => form.querySelectorAll('button[type=submit]').forEach((b) => { b.disabled = true; }), 0);
    });
  }
  for (const form of document.querySelectorAll('form[data-confirm]')) {
    form.addEventListener('submit', (event) => { if (!window.confirm(form.dataset.confirm)) event.preventDefault(); });
  }
  for (const button of document.querySelectorAll('button.print')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
  const lang = document.documentElement.lang || undefined;
  for (const element of document.querySelectorAll('.local-time[data-instant]')) {
    const when = new Date(element.dataset.instant);
    if (!isNaN(when)) {
      // dateStyle and timeZoneName cannot be combined (a TypeError): the parts are named one by one.
      element.textContent = new Intl.DateTimeFormat(lang, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric',
        hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(when);
    }
  }
}

document.addEventListener('DOMContentLoaded', enhance);
