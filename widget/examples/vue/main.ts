/**
 * Vue 3 embedding with a render function (no template compiler, so no
 * `unsafe-eval`). Vue sets `lang` as a property (the element has it),
 * `draft-key` as an attribute, and `onYibiaoSubmit` listens for
 * `yibiao-submit`. With templates (SFCs), tell the compiler the tag is a
 * custom element: `compilerOptions.isCustomElement = (tag) => tag.startsWith('yibiao-')`.
 */
import { createApp, defineComponent, h, ref } from 'vue';
import '../../dist/shandong.js';

/** The detail of `yibiao-submit` (see widget/README.md). */
interface SubmitDetail {
  readonly token: string;
  readonly payload: { readonly services: readonly string[] };
  readonly files: readonly { readonly name: string; readonly mediaType: string; readonly bytes: Uint8Array }[];
}

const App = defineComponent({
  setup() {
    const lang = ref<'zh-CN' | 'en'>('zh-CN');
    const result = ref('');
    return () =>
      h('main', [
        h('h1', '山东省灵活就业参保“一件事”申请'),
        h('button', { type: 'button', id: 'lang', onClick: () => (lang.value = lang.value === 'en' ? 'zh-CN' : 'en') }, lang.value === 'en' ? '中文' : 'English'),
        h('yibiao-shandong', {
          lang: lang.value,
          'draft-key': 'vue-example',
          onYibiaoSubmit: (event: CustomEvent<SubmitDetail>) => {
            const { token, payload, files } = event.detail;
            // Send token and files to the intake here.
            result.value = `yibiao-submit: ${payload.services.join(', ')} · ${files.length} file(s) · token ${token.length} bytes`;
          },
          onYibiaoInvalid: (event: CustomEvent<{ errors: readonly unknown[] }>) => {
            result.value = `yibiao-invalid: ${event.detail.errors.length} problem(s)`;
          },
        }),
        h('output', { id: 'result', 'aria-live': 'polite' }, result.value),
      ]);
  },
});

createApp(App).mount('#app');
