// Builds the Apps Script project in dist/:
//   dist/Code.js          the server bundle (src/main.ts) plus one top-level wrapper per export
//   dist/Code.js.map      its source map, for tests' stack traces (.claspignore keeps it off Apps Script)
//   dist/Sidebar.html     the sidebar (src/sidebar) with its JS and CSS inlined
//   dist/Formulas.html    the in-add-on formula reference, generated from the formulas' JSDoc
//   dist/FORMULAS.md      the same reference as Markdown (docs/FORMULAS.md must match it)
//   dist/appsscript.json  the manifest
// Usage: node build.mjs [--docs]   (--docs also refreshes docs/FORMULAS.md)
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPublicSurface } from './dev/surface.mjs';
import { formulasHtml, formulasMarkdown } from './dev/formula-docs.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
// Apps Script has no modules: the bundle is one IIFE assigned to this single non-function global.
// A `var` holding an object is not callable from google.script.run or the Run menu.
const NAMESPACE = 'ClientTabs_';

const HEADER =
  '// ClientTabs: built by build.mjs from src/. Do not edit: changes are lost on the next build.';

async function buildServer(surface) {
  const result = await build({
    entryPoints: [path.join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: NAMESPACE,
    // Every formula cell evaluates the whole file first: minified, it parses faster.
    minify: true,
    // Apps Script's V8 runtime handles ES2019 reliably; newer syntax is lowered.
    target: 'es2019',
    platform: 'neutral',
    // The header as esbuild's banner keeps the map's lines true to Code.js; 'external' adds no comment to it.
    banner: { js: HEADER },
    sourcemap: 'external',
    sourcesContent: false,
    outfile: path.join(dist, 'Code.js'),
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
  const map = result.outputFiles.find((file) => file.path.endsWith('.map')).text;
  const bundle = result.outputFiles.find((file) => file.path.endsWith('.js')).text;
  // esbuild's IIFE hides every function. Apps Script only finds top-level `function NAME()`
  // declarations, and Sheets only shows a custom function's autocomplete and parameter names when
  // the declaration carries its JSDoc (with @customfunction) and real parameter names. So each
  // export gets a real declaration here, JSDoc copied from the source, calling into the bundle.
  const wrappers = surface.map((fn) => {
    const doc = fn.jsDoc ? `${fn.jsDoc}\n` : '';
    const params = fn.params.join(', ');
    return `${doc}function ${fn.name}(${params}) {\n  return ${NAMESPACE}.${fn.name}.apply(this, arguments);\n}\n`;
  });
  return { code: `${bundle}\n${wrappers.join('\n')}`, map };
}

async function buildSidebar() {
  const sidebarDir = path.join(root, 'src/sidebar');
  const htmlPath = path.join(sidebarDir, 'index.html');
  let html = fs.readFileSync(htmlPath, 'utf8');
  const entry = path.join(sidebarDir, 'main.ts');
  if (fs.existsSync(entry)) {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      format: 'iife',
      target: 'es2019',
      minify: true,
      write: false,
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'warning',
    });
    // HtmlService serves one file: scripts must be inline. `</script` inside the code would end
    // the tag early, so it is escaped.
    const js = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
    html = html.replace('<!-- inline:script -->', () => `<script>\n${js}</script>`);
  }
  const cssPath = path.join(sidebarDir, 'sidebar.css');
  if (fs.existsSync(cssPath)) {
    const css = fs.readFileSync(cssPath, 'utf8');
    html = html.replace('<!-- inline:style -->', () => `<style>\n${css}</style>`);
  }
  return html;
}

async function main() {
  const refreshDocs = process.argv.includes('--docs');
  fs.mkdirSync(dist, { recursive: true });
  const surface = readPublicSurface(path.join(root, 'src/main.ts'));
  const server = await buildServer(surface);
  fs.writeFileSync(path.join(dist, 'Code.js'), server.code);
  fs.writeFileSync(path.join(dist, 'Code.js.map'), server.map);
  fs.writeFileSync(path.join(dist, 'Sidebar.html'), await buildSidebar());
  const formulas = surface.filter((fn) => fn.name.startsWith('CLIENT_'));
  fs.writeFileSync(path.join(dist, 'Formulas.html'), formulasHtml(formulas));
  const markdown = formulasMarkdown(formulas);
  fs.writeFileSync(path.join(dist, 'FORMULAS.md'), markdown);
  if (refreshDocs) fs.writeFileSync(path.join(root, 'docs/FORMULAS.md'), markdown);
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  const bytes = fs.statSync(path.join(dist, 'Code.js')).size;
  console.log(`built dist/ (${surface.length} globals, Code.js ${(bytes / 1024).toFixed(1)} KiB)`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
