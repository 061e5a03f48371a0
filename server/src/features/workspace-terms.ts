/**
 * Opt-in (`paperDigest.workspaceTerms`) term consistency across the workspace's digests, as
 * `paper-digest terms` reports it: each use of a less frequent Korean rendering of an English
 * term gets a `term-inconsistent` diagnostic, with related information pointing to the other
 * files' renderings. Digests are found as the server finds them (settings.files globs or front
 * matter), skipping what .gitignore/.paperdigestignore exclude, node_modules and .git.
 *
 * Recomputed, debounced, when a Markdown file is saved or changes on disk; a file's pairs are
 * cached until it changes. Off by default: then nothing is walked, read or watched.
 */
import { DiagnosticSeverity, DidChangeWatchedFilesNotification, type Diagnostic, type DiagnosticRelatedInformation, type Disposable, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { message, ruleById, ruleLevel, LineIndex, RULE_DOCS_BASE, type Severity } from '../engine';
import { MARKDOWN } from '../engine/digest-files';
import { TermTable, textTermUses, type TermUse } from '../engine/terms/aggregate';
import { DIAGNOSTIC_SOURCE } from '../../../shared/protocol';
import type { Feature, ServerContext } from './context';

const DEBOUNCE_MS = 500;
/** Digests compared at most; the rest of a huge workspace is left out (and the log says so). */
export const MAX_DIGESTS = 2000;
/** Markdown files looked at, digests or not, at most. */
const MAX_MARKDOWN = 20000;
/** Related locations per diagnostic. */
const MAX_RELATED = 20;
const RULE = 'term-inconsistent';
const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

interface Use { uri: string; range: Range }
/** One file's pairs for one version of its text; `uses` is null for a Markdown file that is not a digest. */
interface FileTerms { stamp: string; uri: string; uses: TermUse[] | null; lineIndex?: LineIndex; level: Severity | 'off' }

export const workspaceTermsFeature: Feature = { register: registerWorkspaceTerms };

function registerWorkspaceTerms(ctx: ServerContext): void {
  const cache = new Map<string, FileTerms>();
  /** What each uri was last sent (JSON), to publish only what changed. */
  let published = new Map<string, Diagnostic[]>();
  let sent = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  let watcher: Promise<Disposable | undefined> | undefined;
  const on = () => ctx.settingsFor().workspaceTerms === true;
  const { platform } = ctx;
  const paths = platform.files.paths;

  ctx.hooks.extraDiagnostics.push(uri => (on() ? published.get(uri) ?? [] : []));

  let cachedFor = '';
  ctx.hooks.settingsChanged.push(() => {
    // Different globs, profile, rules or glossaries: every file is read again (the locale only changes messages).
    const key = JSON.stringify([undefined, ...ctx.workspaceFolders()].map(folder => {
      const { files, profile, rules, glossaries } = ctx.settingsFor(folder && paths.toUri(folder));
      return [files, profile, rules, glossaries];
    }));
    if (key !== cachedFor) { cache.clear(); cachedFor = key; }
    if (on()) {
      watcher ??= ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{md,mdx,markdown}' }] })
        .catch(e => { ctx.log(`workspace terms: cannot watch Markdown files: ${(e as Error).message}`); return undefined; });
      schedule();
    } else {
      clearTimeout(timer);
      generation++;
      if (watcher) { void watcher.then(d => d?.dispose()); watcher = undefined; }
      publishAll(new Map());
    }
  });

  ctx.hooks.watchedFilesChanged.push(changes => {
    if (!on()) return;
    // A configuration or glossary change can change any file's pairs.
    if (changes.some(c => !MARKDOWN.test(c.uri))) cache.clear();
    schedule();
  });

  ctx.documents.onDidSave(e => { if (on() && MARKDOWN.test(e.document.uri)) schedule(); });
  ctx.documents.onDidClose(e => {
    if (!on()) return;
    // The server cleared the closed document's diagnostics; send the workspace ones again (from disk).
    sent.delete(e.document.uri);
    schedule();
  });

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => { timer = undefined; void recompute(++generation); }, DEBOUNCE_MS);
  }

  async function recompute(gen: number): Promise<void> {
    const t0 = performance.now();
    const open = new Map<string, TextDocument>(ctx.documents.all().map(d => [paths.fromUri(d.uri), d]));
    const files = await markdownFiles();
    if (gen !== generation || !on()) return;
    const table = new TermTable<Use>();
    const levels = new Map<string, Severity | 'off'>();
    let digests = 0;
    for (const file of files) {
      if (digests >= MAX_DIGESTS) { ctx.log(`workspace terms: stopped at ${MAX_DIGESTS} digests; the rest of the workspace is not compared`); break; }
      const ft = await fileTerms(file, open.get(file));
      if (gen !== generation || !on()) return;
      if (ft?.uses) {
        digests++;
        levels.set(ft.uri, ft.level);
        table.add(file, ft.uses, u => ({ uri: ft.uri, range: ft.lineIndex!.range(u.span) }));
      }
      // Parsing many files must not hold up the editor's requests; a newer recompute supersedes this one.
      await platform.yieldToLoop();
      if (gen !== generation || !on()) return;
    }
    const inconsistent = table.englishInconsistencies();
    publishAll(diagnostics(inconsistent, levels));
    ctx.log(`workspace terms: ${digests} digests, ${table.pairs} pairs, ${inconsistent.length} terms rendered more than one way, in ${(performance.now() - t0).toFixed(0)} ms`);
  }

  /** The workspace's Markdown files, each once. */
  async function markdownFiles(): Promise<string[]> {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const folder of ctx.workspaceFolders()) {
      let found: Awaited<ReturnType<typeof platform.markdownFiles>>;
      try { found = await platform.markdownFiles(folder, MAX_MARKDOWN - out.length); } catch (e) {
        ctx.log(`workspace terms: cannot list the Markdown files of ${folder}: ${(e as Error).message}`);
        continue;
      }
      for (const file of found.files) if (!seen.has(file)) { seen.add(file); out.push(file); }
      if (!found.complete || out.length >= MAX_MARKDOWN) { ctx.log(`workspace terms: stopped at ${MAX_MARKDOWN} Markdown files`); break; }
    }
    return out;
  }

  /** A file's pairs, from the open document's text when it is open, from disk otherwise; cached by version or mtime. */
  async function fileTerms(file: string, doc: TextDocument | undefined): Promise<FileTerms | undefined> {
    let stamp: string;
    let text: string;
    const cached = cache.get(file);
    if (doc) { stamp = `open:${doc.version}`; text = doc.getText(); } else {
      const read = await platform.readDocument(file, cached?.stamp);
      if (!read) return undefined;
      if (read.text === undefined) return cached?.stamp === read.stamp ? cached : undefined;
      ({ stamp, text } = read as { stamp: string; text: string });
    }
    if (cached?.stamp === stamp) return cached;
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // columns as editors show them
    const uri = doc?.uri ?? paths.toUri(file);
    let ft: FileTerms = { stamp, uri, uses: null, level: 'off' };
    // Read through the client (web build): what this file's configuration and glossaries need first.
    if (platform.prepare) await platform.prepare(() => { if (ctx.isDigestText(uri, text)) ctx.setupOf(uri, text); });
    if (ctx.isDigestText(uri, text)) {
      try {
        const setup = ctx.setupOf(uri, text);
        const { level } = ruleLevel(ruleById.get(RULE)!, { rules: setup.config.rules, profile: setup.profile });
        ft = { stamp, uri, uses: textTermUses(text, setup.profile, setup.glossary.glossary), lineIndex: new LineIndex(text), level };
      } catch (e) {
        ctx.log(`workspace terms: cannot read the pairs of ${file}: ${(e as Error)?.stack ?? e}`);
      }
    }
    cache.set(file, ft);
    return ft;
  }

  /** Each use of a rendering other than the most frequent one, where another file renders the term otherwise. */
  function diagnostics(terms: ReturnType<TermTable<Use>['englishInconsistencies']>, levels: Map<string, Severity | 'off'>): Map<string, Diagnostic[]> {
    const out = new Map<string, Diagnostic[]>();
    for (const term of terms) {
      const expected = term.renderings[0];
      for (const r of term.renderings.slice(1)) {
        for (const use of r.locations) {
          const level = levels.get(use.uri) ?? 'off';
          if (level === 'off') continue;
          const locale = ctx.locale(use.uri);
          const relatedInformation: DiagnosticRelatedInformation[] = [];
          for (const other of term.renderings) {
            if (other === r) continue;
            for (const loc of other.locations) {
              if (loc.uri === use.uri || relatedInformation.length >= MAX_RELATED) continue;
              relatedInformation.push({ location: loc, message: message(locale, `${RULE}/related-workspace`, { ko: other.text, en: term.term }) });
            }
          }
          // Within one file only: the in-document term-inconsistent rule reports it.
          if (!relatedInformation.length) continue;
          const list = out.get(use.uri) ?? [];
          list.push({
            range: use.range,
            severity: severities[level],
            code: RULE,
            codeDescription: { href: `${RULE_DOCS_BASE}${RULE}.md` },
            source: DIAGNOSTIC_SOURCE,
            message: message(locale, `${RULE}/workspace`, { found: r.text, en: term.term, expected: expected.text, count: expected.count }),
            relatedInformation,
          });
          out.set(use.uri, list);
        }
      }
    }
    return out;
  }

  /** Sends what changed: an open digest through the server (its own diagnostics plus these), any other file directly. */
  function publishAll(next: Map<string, Diagnostic[]>): void {
    const before = sent;
    published = next;
    sent = new Map([...next].map(([uri, list]) => [uri, JSON.stringify(list)]));
    for (const uri of new Set([...before.keys(), ...next.keys()])) {
      if (before.get(uri) === sent.get(uri)) continue;
      if (ctx.documents.get(uri)) ctx.publish(uri);
      else void ctx.connection.sendDiagnostics({ uri, diagnostics: next.get(uri) ?? [] });
    }
  }
}
