/** requestAnimationFrame behind an interface, so stores and charts can be tested without a browser. */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export function animationFrameScheduler(win: Window): FrameScheduler {
  return {
    request: (callback) => win.requestAnimationFrame(() => callback()),
    cancel: (handle) => win.cancelAnimationFrame(handle),
  };
}
