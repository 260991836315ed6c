// Reads the public surface of the Apps Script project: every export of src/main.ts, followed through
// re-exports to the function declaration, with its JSDoc block and its parameter names.
// esbuild strips comments, so the TypeScript compiler API (TypeScript 5.x) is what reads them.
import ts from 'typescript';

/**
 * @param {string} entry absolute path of src/main.ts
 * @returns {{ name: string, params: string[], jsDoc: string, source: string }[]}
 */
export function readPublicSurface(entry) {
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true,
    skipLibCheck: true,
    noLib: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const sourceFile = program.getSourceFile(entry);
  if (!sourceFile) throw new Error(`build: cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
  if (!moduleSymbol) return [];
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = target.valueDeclaration ?? target.declarations?.[0];
    if (!declaration || !ts.isFunctionDeclaration(declaration)) {
      // Apps Script can only call functions; an exported constant would become a global nobody can use.
      throw new Error(`build: src/main.ts exports "${exported.name}", which is not a function declaration`);
    }
    const file = declaration.getSourceFile();
    const params = declaration.parameters.map((param) => {
      if (!ts.isIdentifier(param.name)) {
        throw new Error(
          `build: ${exported.name} destructures a parameter; Sheets needs plain parameter names`,
        );
      }
      return param.name.text;
    });
    const docs = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc);
    const last = docs[docs.length - 1];
    const jsDoc = last ? file.text.slice(last.getStart(file), last.end) : '';
    return { name: exported.name, params, jsDoc: normalizeIndent(jsDoc), source: file.fileName };
  });
}

function normalizeIndent(block) {
  return block
    .split('\n')
    .map((line, index) => (index === 0 ? line.trim() : ` ${line.trim()}`))
    .join('\n');
}
