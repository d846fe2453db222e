/**
 * The few React APIs the reference preview uses. The project installs react
 * and react-dom without their type packages (@types/react); these
 * declarations cover exactly what `reference/reference-panel.ts` calls.
 */
declare module 'react' {
  /** A React element, opaque to the designer. */
  export interface ReactElementLike {
    readonly type: unknown;
  }
  export function createElement(type: unknown, props?: Readonly<Record<string, unknown>> | null, ...children: unknown[]): ReactElementLike;
}

declare module 'react-dom/client' {
  import type { ReactElementLike } from 'react';

  /** A React root. */
  export interface Root {
    render(element: ReactElementLike): void;
    unmount(): void;
  }
  /** Root options (React 19): errors thrown while rendering, not caught by an error boundary. */
  export interface RootOptions {
    onUncaughtError?: (error: unknown) => void;
  }
  export function createRoot(container: Element, options?: RootOptions): Root;
}
