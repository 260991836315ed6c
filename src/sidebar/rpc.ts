/**
 * The one typed door to the server. google.script.run is callback based and untyped; this wraps it in
 * a promise typed from the server's own handlers (src/ui/rpc.ts) as they arrive over the wire (Jsonify),
 * so a renamed RPC, a changed argument or a changed field fails `npm run typecheck` instead of failing in
 * the sidebar. `import type` keeps server code out of the browser bundle.
 */
import type { Jsonify } from '../ui/wire';

type ServerModule = typeof import('../ui/rpc');

/** The server functions the sidebar may call: the module's rpc* exports (its helpers are not global). */
export type Server = { [K in keyof ServerModule as K extends `rpc${string}` ? K : never]: ServerModule[K] };

/** What the sidebar receives from server function `K`. */
export type Answer<K extends keyof Server> = Jsonify<ReturnType<Server[K]>>;

export function run<K extends keyof Server>(name: K, ...args: Parameters<Server[K]>): Promise<Answer<K>> {
  return new Promise<Answer<K>>((resolve, reject) => {
    google.script.run
      .withSuccessHandler(resolve)
      .withFailureHandler((error) => reject(toError(error)))
      [name](...args);
  });
}

function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  const message = typeof error === 'object' && error !== null && 'message' in error ? error.message : null;
  return new Error(typeof message === 'string' ? message : String(error));
}
