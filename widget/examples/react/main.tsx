/**
 * React 19 embedding. React 19 sets known properties (`lang`, `data`,
 * `signer`) as properties, other props (`draft-key`) as attributes, and
 * listens for custom events through `on<event-name>` props.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../dist/shandong.js';

/** The detail of `yibiao-submit` (see widget/README.md). */
interface SubmitDetail {
  readonly token: string;
  readonly payload: { readonly services: readonly string[]; readonly submissionId: string };
  readonly files: readonly { readonly name: string; readonly mediaType: string; readonly bytes: Uint8Array }[];
}

declare module 'react' {
  // biome-ignore lint/style/noNamespace: React's JSX typing is a namespace.
  namespace JSX {
    interface IntrinsicElements {
      'yibiao-shandong': {
        lang?: string;
        'draft-key'?: string;
        'no-draft'?: boolean;
        'onyibiao-submit'?: (event: CustomEvent<SubmitDetail>) => void;
        'onyibiao-invalid'?: (event: CustomEvent<{ errors: readonly unknown[] }>) => void;
        children?: unknown;
      };
    }
  }
}

function App() {
  const [lang, setLang] = useState<'zh-CN' | 'en'>('zh-CN');
  const [result, setResult] = useState('');
  return (
    <main>
      <h1>山东省灵活就业参保“一件事”申请</h1>
      <button type="button" id="lang" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
        {lang === 'en' ? '中文' : 'English'}
      </button>
      <yibiao-shandong
        lang={lang}
        draft-key="react-example"
        onyibiao-submit={(event) => {
          const { token, payload, files } = event.detail;
          // Send token and files to the intake here.
          setResult(`yibiao-submit: ${payload.services.join(', ')} · ${files.length} file(s) · token ${token.length} bytes`);
        }}
        onyibiao-invalid={(event) => setResult(`yibiao-invalid: ${event.detail.errors.length} problem(s)`)}
      />
      <output id="result" aria-live="polite">
        {result}
      </output>
    </main>
  );
}

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
