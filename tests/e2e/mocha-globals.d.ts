/**
 * The mocha globals @web/test-runner provides in the browser
 * (@types/mocha is not a dependency; these are the few the browser tests use).
 */
declare global {
  type MochaFn = (this: unknown) => unknown;
  function describe(title: string, body: () => void): void;
  function it(title: string, body: MochaFn): void;
  function before(body: MochaFn): void;
  function after(body: MochaFn): void;
  function beforeEach(body: MochaFn): void;
  function afterEach(body: MochaFn): void;
}

export {};
