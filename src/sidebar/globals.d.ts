/** The parts of HtmlService's client-side API the sidebar uses (no @types package covers them). */
interface GoogleScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): GoogleScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): GoogleScriptRunner;
  [serverFunction: string]: unknown;
}

declare const google: {
  script: {
    run: GoogleScriptRunner;
    host: { close(): void };
  };
};
