import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { addEntryEdits, message, type Finding } from '../engine';
import { readVia } from '../engine/config';
import { WORKSPACE_GLOSSARY_DIR, WORKSPACE_GLOSSARY_NAME } from '../engine/glossary/resolver';
import type { ServerFiles } from '../platform';
import type { Analysis } from './context';

/**
 * The workspace glossary for a document: the nearest existing `.paper-digest/glossary.json`,
 * else a new one beside the nearest `.paperdigestrc.json`, else in the document's folder.
 */
export function workspaceGlossaryPath(a: Analysis, files: ServerFiles): string {
  const path = files.paths;
  const found = a.outcome.glossary.files
    .filter(f => path.basename(f) === WORKSPACE_GLOSSARY_NAME && path.basename(path.dirname(f)) === WORKSPACE_GLOSSARY_DIR).pop();
  if (found) return found;
  const config = a.outcome.config.sources[a.outcome.config.sources.length - 1];
  return path.join(path.dirname(config ?? a.filePath), WORKSPACE_GLOSSARY_DIR, WORKSPACE_GLOSSARY_NAME);
}

/**
 * "Add 'ko ↔ en' to the workspace glossary" for a term-unknown-pair finding: a WorkspaceEdit
 * that creates `.paper-digest/glossary.json` when needed and inserts the entry keeping the
 * file's formatting (the open editor's text wins over the disk's).
 */
export function glossaryActions(openDocument: (uri: string) => TextDocument | undefined, files: ServerFiles, a: Analysis, f: Finding, diagnostic: Diagnostic): CodeAction[] {
  const add = f.data?.addToGlossary as { ko: string; en: string; abbr?: string } | undefined;
  if (!add) return [];
  const file = workspaceGlossaryPath(a, files);
  const uri = files.paths.toUri(file);
  const open = openDocument(uri);
  let text: string | undefined = open?.getText();
  if (text === undefined) {
    const r = readVia(files, file);
    if ('error' in r) {
      // Only a missing file is created; a device, FIFO, oversized or non-UTF-8 file is left alone.
      if (r.error !== 'missing') return [];
    } else text = r.text;
  }
  const r = addEntryEdits(text, add);
  const doc = TextDocument.create(uri, 'json', 0, text ?? '');
  const edits = r.edits.map(e => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text }));
  return [{
    title: message(a.outcome.locale, 'glossary/add', { ko: add.ko, en: add.en }),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      documentChanges: [
        ...(text === undefined ? [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }] : []),
        { textDocument: { uri, version: open?.version ?? null }, edits },
      ],
    },
  }];
}

