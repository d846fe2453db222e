import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type BuildContext, type BuildOptions, context, type Plugin } from 'esbuild';
import { componentEntry } from '../compile/component.js';
import { js, stringLiteral } from '../compile/emit.js';
import type { ProjectPaths } from '../compile/paths.js';
import type { FormModel } from '../ir/types.js';
import { RUNTIME_SPECIFIER } from './types.js';


/** A version of a form as the preview runs it. */
export interface PreviewModules {
  /** The component entry with the model and the validator, importing the runtime from {@link RUNTIME_SPECIFIER}. */
  readonly entry: string;
  /** The standalone validator with its rules, self-contained, exporting `validate` (for the designer page). */
  readonly validator: string;
  /** Id of the runtime the entry needs (see {@link FormBundler.runtime}). */
  readonly runtimeId: string;
}

/** The shared runtime of preview modules: Lit element, `defineForm`, rules, divisions. */
export interface RuntimeModule {
  readonly id: string;
  readonly code: string;
}

/** Bundles compiled forms in memory with incremental esbuild contexts. */
export interface FormBundler {
  /** The modules the preview of one version needs; only the form's own code is bundled per edit. */
  preview(model: FormModel, validatorSource: string): Promise<PreviewModules>;
  /** The shared runtime, rebuilt when one of its source files changed. */
  runtime(): Promise<RuntimeModule>;
  /** The self-contained widget module exactly as `yibiao build` writes it (for export). */
  widget(model: FormModel, validatorSource: string): Promise<string>;
  dispose(): Promise<void>;
}

const NAMESPACE = 'yibiao-designer';
const ENTRY = 'yibiao-designer:entry';
const VALIDATOR = 'yibiao-designer:validator';

/** The options of writeForm's widget build (src/compile/write-form.ts). */
const BUNDLE: BuildOptions = {
  outdir: '/yibiao-designer-out',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  minify: true,
  legalComments: 'none',
  sourcemap: false,
  write: false,
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** One incremental build whose virtual modules are set before each rebuild; rebuilds run one at a time. */
function virtualBuild(paths: ProjectPaths, options: BuildOptions, extra: readonly Plugin[] = []) {
  const modules = new Map<string, string>();
  const plugin: Plugin = {
    name: 'yibiao-designer-virtual',
    setup(build) {
      build.onResolve({ filter: /^yibiao-designer:/ }, (args) => ({ path: args.path, namespace: NAMESPACE }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ contents: modules.get(args.path) ?? '', loader: 'js', resolveDir: paths.root }));
    },
  };
  const ready: Promise<BuildContext> = context({ ...BUNDLE, ...options, plugins: [plugin, ...extra] });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    /** Sets the virtual modules and rebuilds; resolves with the output text and the input files. */
    build(contents: Readonly<Record<string, string>>): Promise<{ text: string; inputs: string[] }> {
      const run = queue.then(async () => {
        const ctx = await ready;
        modules.clear();
        for (const [name, text] of Object.entries(contents)) modules.set(name, text);
        const result = await ctx.rebuild();
        const text = result.outputFiles?.[0]?.text;
        if (text === undefined) throw new Error('esbuild produced no output');
        return { text, inputs: Object.keys(result.metafile?.inputs ?? {}) };
      });
      queue = run.catch(() => undefined);
      return run;
    },
    dispose: async () => (await ready).dispose(),
  };
}

/** Sizes and modification times of files: changes when one of them does. */
async function stampOf(root: string, files: readonly string[]): Promise<string> {
  const stamps = await Promise.all(
    files
      .filter((f) => !f.startsWith(`${NAMESPACE}:`))
      .map(async (file) => {
        const info = await stat(path.resolve(root, file)).catch(() => undefined);
        return `${file}:${info?.size}:${info?.mtimeMs}`;
      }),
  );
  return stamps.join('\n');
}

/**
 * Creates the designer's bundler. A preview of an edit bundles only the
 * form's own code — the component entry (model and validator) — with the
 * runtime (Lit element, `defineForm`, the rules, the division tree) left as an
 * import of {@link RUNTIME_SPECIFIER}: the runtime is bundled once, rebuilt
 * only when its sources change, and loaded by each preview frame before the
 * version it will show arrives. The export gets the self-contained module,
 * bundled with writeForm's options.
 *
 * @param paths - paths of the checkout (runtime, rules, divisions and node_modules).
 */
export function createFormBundler(paths: ProjectPaths): FormBundler {
  const shared = new Set([paths.runtimeDefineForm, paths.divisions, paths.rulesRuntime]);
  const externalRuntime: Plugin = {
    name: 'yibiao-designer-runtime-external',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => (shared.has(args.path) ? { path: RUNTIME_SPECIFIER, external: true } : undefined));
    },
  };
  const entryBuild = virtualBuild(paths, { entryPoints: [ENTRY] }, [externalRuntime]);
  const validatorBuild = virtualBuild(paths, { entryPoints: [VALIDATOR] });
  const widgetBuild = virtualBuild(paths, { entryPoints: [ENTRY] });
  const runtimeBuild = virtualBuild(paths, { entryPoints: [ENTRY], metafile: true });
  // Everything a compiled validator may call is re-exported: it refers to `yibiaoRules.<name>`.
  const runtimeEntry = js`export { defineForm } from ${stringLiteral(paths.runtimeDefineForm)};
export { DIVISIONS } from ${stringLiteral(paths.divisions)};
export * from ${stringLiteral(paths.rulesRuntime)};
`;
  let current: { module: RuntimeModule; inputs: string[]; stamp: string } | undefined;
  let pending: Promise<RuntimeModule> | undefined;

  const runtime = async (): Promise<RuntimeModule> => {
    if (current !== undefined && (await stampOf(paths.root, current.inputs)) === current.stamp) return current.module;
    pending ??= runtimeBuild
      .build({ [ENTRY]: runtimeEntry })
      .then(async ({ text, inputs }) => {
        const module = { id: createHash('sha256').update(text).digest('hex').slice(0, 16), code: text };
        current = { module, inputs, stamp: await stampOf(paths.root, inputs) };
        return module;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  // The generator's component entry; for the preview the plugin above turns its runtime imports into the shared one.
  const entryOf = (model: FormModel) => componentEntry(model, { defineForm: paths.runtimeDefineForm, divisions: paths.divisions, validator: VALIDATOR });

  return {
    async preview(model, validatorSource) {
      const [entry, validator, shown] = await Promise.all([
        entryBuild.build({ [ENTRY]: entryOf(model), [VALIDATOR]: validatorSource }),
        validatorBuild.build({ [VALIDATOR]: validatorSource }),
        runtime(),
      ]);
      return { entry: entry.text, validator: validator.text, runtimeId: shown.id };
    },
    runtime,
    async widget(model, validatorSource) {
      const { text } = await widgetBuild.build({ [ENTRY]: entryOf(model), [VALIDATOR]: validatorSource });
      return text;
    },
    async dispose() {
      await Promise.all([entryBuild.dispose(), validatorBuild.dispose(), widgetBuild.dispose(), runtimeBuild.dispose()]);
    },
  };
}
