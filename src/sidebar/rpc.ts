/**
 * The one typed door to the server. google.script.run is callback based and untyped; this wraps it in
 * a promise typed from the server's own handlers (src/ui/rpc.ts), so a renamed RPC or a changed
 * argument fails `npm run typecheck` instead of failing in the sidebar. `import type` keeps server
 * code out of the browser bundle.
 */
export type Server = typeof import('../ui/rpc');

export function run<K extends keyof Server>(
  name: K,
  ...args: Parameters<Server[K]>
): Promise<ReturnType<Server[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<Server[K]>))
      .withFailureHandler((error) => reject(toError(error)));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  const message = (error as { message?: unknown } | null)?.message;
  return new Error(typeof message === 'string' ? message : String(error));
}
