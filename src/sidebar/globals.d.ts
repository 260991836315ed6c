/** The parts of HtmlService's client-side API the sidebar uses (no @types package covers them). */
interface GoogleScriptRunner {
  // The answer's type is the server function's (src/sidebar/rpc.ts `run` names it): any handler fits here.
  withSuccessHandler(handler: (value: never) => void): GoogleScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): GoogleScriptRunner;
  [serverFunction: string]: (...args: unknown[]) => unknown;
}

declare const google: {
  script: {
    run: GoogleScriptRunner;
    host: { close(): void };
  };
};
