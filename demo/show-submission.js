// Shows what a department would receive after a successful submit.
const form = document.getElementById('form');
const out = (id, text) => {
  document.getElementById(id).textContent = text;
};
const decode = (part) => new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

form.addEventListener('yibiao-submit', (event) => {
  const { token } = event.detail;
  const [header, payload] = token.split('.');
  out('token', token);
  out('header', JSON.stringify(JSON.parse(decode(header)), null, 2));
  out('payload', decode(payload));
  document.getElementById('submission').hidden = false;
});

const button = document.getElementById('lang');
button.addEventListener('click', () => {
  const next = button.dataset.lang;
  form.setAttribute('lang', next);
  button.dataset.lang = next === 'en' ? 'zh-CN' : 'en';
  button.textContent = next === 'en' ? '中文' : 'English';
});
