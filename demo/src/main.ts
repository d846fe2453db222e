import { startDesigner } from './app/designer.js';
import { applyUiLang, uiLang } from './ui/i18n.js';

const root = document.getElementById('app');
if (root === null) throw new Error('demo/index.html has no #app');
const wanted = new URL(location.href).searchParams.get('lang');
if (wanted === 'en') uiLang.set('en');
document.documentElement.lang = uiLang.get();
startDesigner(root)
  .then(() => applyUiLang(document))
  .catch((error: unknown) => {
    const message = document.createElement('p');
    message.className = 'bad';
    message.textContent = `The designer failed to start: ${error instanceof Error ? error.message : String(error)}`;
    root.append(message);
  });
