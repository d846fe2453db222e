// Plain HTML embedding: listen for the widget's events and hand the signed
// token and the files to the intake. No framework, no build step.
const form = document.querySelector('yibiao-shandong');
const result = document.getElementById('result');
const langButton = document.getElementById('lang');

langButton.addEventListener('click', () => {
  const english = form.getAttribute('lang') !== 'en';
  form.setAttribute('lang', english ? 'en' : 'zh-CN');
  langButton.textContent = english ? '中文' : 'English';
});

/** The host's intake, if this page declares one (`<meta name="yibiao-intake" content="/intake">`). */
const intake = document.querySelector('meta[name="yibiao-intake"]')?.getAttribute('content');

/** Posts the signed token and the files whose SHA-256 it carries; the intake recomputes each digest. */
async function send(token, files) {
  const body = new FormData();
  body.append('token', token);
  for (const f of files) body.append('files', new Blob([f.bytes], { type: f.mediaType }), f.name);
  const response = await fetch(intake, { method: 'POST', body, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`intake answered ${response.status}`);
}

form.addEventListener('yibiao-submit', (event) => {
  const { token, payload, files } = event.detail;
  result.textContent = `yibiao-submit: ${payload.services.join(', ')} · ${files.length} file(s) · token ${token.length} bytes`;
  if (intake) send(token, files).catch((error) => {
    result.textContent = `not sent: ${error.message}; the form keeps its data and draft, submit again`;
  });
});

form.addEventListener('yibiao-invalid', (event) => {
  result.textContent = `yibiao-invalid: ${event.detail.errors.length} problem(s)`;
});
