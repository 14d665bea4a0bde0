import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Everything the app answers, read from the files rather than listed by hand,
// so that the isolation matrix notices a new page, route handler or action:
// app/**/page.tsx, app/**/route.ts with the HTTP methods they export, the
// exports of every 'use server' module, and the ids the build gave actions.

const APP = 'app';
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names a module exports as values (functions, constants, destructured constants, re-exports); types are left out. */
export function exportedValues(source: ts.SourceFile): string[] {
  const names: string[] = [];
  const bound = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bound(element.name);
  };
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name) names.push(statement.name.text);
    else if (ts.isVariableStatement(statement) && exported(statement)) statement.declarationList.declarations.forEach((d) => bound(d.name));
    else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      names.push(...statement.exportClause.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text));
    }
  }
  return names;
}

function isUseServer(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use server';
}

/** Which site serves a file's URL, and the URL's pattern there: app/tenant/[subdomain]/wiki/[slug]/page.tsx is /wiki/[slug] on a tenant's host. */
export function urlOf(file: string): { site: 'apex' | 'tenant'; pattern: string } {
  const segments = path.posix
    .dirname(path.posix.relative(APP, file))
    .split('/')
    .filter((s) => s !== '.' && !/^\(.*\)$/.test(s));
  const tenant = segments[0] === 'tenant' && segments[1] === '[subdomain]';
  const rest = tenant ? segments.slice(2) : segments;
  return { site: tenant ? 'tenant' : 'apex', pattern: `/${rest.join('/')}` };
}

export interface PageFile {
  file: string;
  site: 'apex' | 'tenant';
  pattern: string;
}

export interface HandlerMethod extends PageFile {
  method: string;
}

export interface ActionExport {
  file: string;
  name: string;
}

export function pageFiles(): PageFile[] {
  return filesUnder(APP)
    .filter((f) => path.posix.basename(f) === 'page.tsx')
    .sort()
    .map((file) => ({ file, ...urlOf(file) }));
}

export function handlerMethods(): HandlerMethod[] {
  return filesUnder(APP)
    .filter((f) => path.posix.basename(f) === 'route.ts')
    .sort()
    .flatMap((file) =>
      exportedValues(parse(file))
        .filter((name) => HTTP_METHODS.has(name))
        .map((method) => ({ file, method, ...urlOf(file) })),
    );
}

export function actionExports(): ActionExport[] {
  return filesUnder(APP)
    .filter((f) => /\.tsx?$/.test(f))
    .sort()
    .map(parse)
    .filter(isUseServer)
    .flatMap((source) => exportedValues(source).map((name) => ({ file: source.fileName, name })));
}

export interface BuiltAction {
  id: string;
  /** The page files whose requests may call it (Next answers 409 on any other page). */
  pages: string[];
}

/** The ids Next gave the server actions in the last build, by `file#export`. */
export function builtActions(): Map<string, BuiltAction> {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return new Map(
    Object.entries(manifest.node).map(([id, action]) => [
      `${action.filename}#${action.exportedName}`,
      { id, pages: Object.keys(action.workers).map((worker) => `${worker}.tsx`) },
    ]),
  );
}
