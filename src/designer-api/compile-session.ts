import { randomUUID } from 'node:crypto';
import { compileForm } from '../compile/compile-form.js';
import type { ProjectPaths } from '../compile/paths.js';
import type { FormModel } from '../ir/types.js';
import type { Diagnostic } from '../schema/diagnostics.js';
import { loadForm } from '../schema/load.js';
import { isRecord } from '../schema/walk.js';
import { createFormBundler, type FormBundler, type RuntimeModule } from './form-bundler.js';
import { createTempProject, type TempProject } from './temp-project.js';
import type { CompileRequest, CompileResponse } from './types.js';


/** Compiles edited forms one at a time in a temp project. */
export interface CompileSession {
  compile(request: CompileRequest): Promise<CompileResponse>;
  /** The shared runtime of preview modules, when `id` is the current one. */
  runtime(id: string): Promise<RuntimeModule | undefined>;
  /** The self-contained widget module of a recent version (for export), bundled on demand. */
  widget(versionId: string): Promise<string | undefined>;
  dispose(): Promise<void>;
}

/** How many versions the export can still be asked for. */
const KEPT_VERSIONS = 20;

const elapsed = (since: number): number => Math.round(performance.now() - since);

function bundleFailure(file: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'E_DESIGNER_BUNDLE',
    severity: 'error',
    file,
    pointer: '',
    message: { 'zh-CN': `组件模块打包失败：${message}`, en: `bundling the widget module failed: ${message}` },
    fix: 'this is a generator or runtime problem, not the form’s: run `npm run build` to see the same error',
  };
}

/**
 * Creates a compile session: one temp project and the incremental esbuild
 * contexts, created on first use and reused by every compile. Compiles run one
 * after the other (they share the temp directory); each runs the generator's
 * `compileForm` exactly as `yibiao build` does, then bundles the preview entry
 * and the validator in memory. A request still waiting when a newer one for
 * the same form arrives is answered `superseded` without compiling. The self-contained module of a version is
 * bundled only when the export asks for it.
 *
 * @param checkout - paths of the project the designer serves.
 */
export function createCompileSession(checkout: ProjectPaths): CompileSession {
  let resources: Promise<{ project: TempProject; bundler: FormBundler }> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const versions = new Map<string, { model: FormModel; validator: string; widget?: Promise<string> }>();
  /** The newest request per form: an older one still waiting in the queue is not worth compiling. */
  const newest = new Map<string, number>();
  let sequence = 0;
  const open = () => {
    resources ??= createTempProject(checkout).then((project) => ({ project, bundler: createFormBundler(checkout) }));
    return resources;
  };

  async function run(request: CompileRequest, started: number, ticket: number): Promise<CompileResponse> {
    if (newest.get(request.id) !== ticket) {
      return { id: request.id, diagnostics: [], timings: { compileMs: 0, bundleMs: 0, totalMs: elapsed(started) }, superseded: true };
    }
    const { project, bundler } = await open();
    await project.write(request.id, request.files);
    const compileStart = performance.now();
    const result = await compileForm(project.paths, request.id, checkout.rulesRuntime);
    const compileMs = elapsed(compileStart);
    if (result.artefacts === undefined) {
      return { id: request.id, diagnostics: result.diagnostics, timings: { compileMs, bundleMs: 0, totalMs: elapsed(started) } };
    }
    const { schema, model, validator } = result.artefacts;
    const bundleStart = performance.now();
    try {
      const [preview, loaded] = await Promise.all([bundler.preview(model, validator), loadForm(project.paths.root, project.paths.forms, request.id)]);
      const ui = loaded.ok && isRecord(loaded.form.ui?.data) ? loaded.form.ui.data : {};
      const versionId = randomUUID();
      versions.set(versionId, { model, validator });
      for (const old of [...versions.keys()].slice(0, -KEPT_VERSIONS)) versions.delete(old);
      return {
        id: request.id,
        diagnostics: result.diagnostics,
        timings: { compileMs, bundleMs: elapsed(bundleStart), totalMs: elapsed(started) },
        output: { versionId, schema, model, ui, entry: preview.entry, runtimeId: preview.runtimeId, validator: preview.validator },
      };
    } catch (error) {
      return {
        id: request.id,
        diagnostics: [...result.diagnostics, bundleFailure(`forms/${request.id}`, error)],
        timings: { compileMs, bundleMs: elapsed(bundleStart), totalMs: elapsed(started) },
      };
    }
  }

  return {
    compile(request) {
      const started = performance.now();
      const ticket = ++sequence;
      newest.set(request.id, ticket);
      const next = queue.then(() => run(request, started, ticket));
      queue = next.catch(() => undefined);
      return next;
    },
    async runtime(id) {
      const { bundler } = await open();
      const module = await bundler.runtime();
      return module.id === id ? module : undefined;
    },
    async widget(versionId) {
      const version = versions.get(versionId);
      if (version === undefined) return undefined;
      const { bundler } = await open();
      version.widget ??= bundler.widget(version.model, version.validator);
      return version.widget;
    },
    async dispose() {
      const opened = resources;
      resources = undefined;
      if (opened === undefined) return;
      const { project, bundler } = await opened;
      await Promise.all([project.dispose(), bundler.dispose()]);
    },
  };
}
