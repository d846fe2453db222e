import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A controller host that is `element` for Lit's lifecycle, with the
 * callbacks a controller asks of its host besides: they stay off the
 * element's public API, and may reach its private state.
 *
 * @param element - the element the controller is added to.
 * @param callbacks - the controller's host callbacks.
 * @returns the host to give the controller.
 */
export function hostWith<T extends object>(element: ReactiveControllerHost, callbacks: T): ReactiveControllerHost & T {
  return {
    ...callbacks,
    addController: (controller: ReactiveController) => element.addController(controller),
    removeController: (controller: ReactiveController) => element.removeController(controller),
    requestUpdate: () => element.requestUpdate(),
    get updateComplete() {
      return element.updateComplete;
    },
  };
}
