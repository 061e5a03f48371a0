import { buildDigest, builtinProfile, DEFAULT_PROFILE_ID, parseMarkdown, LineIndex } from '../engine';
import { glossaryTermMarks, renderDigest, type TermMark } from '../engine/render';
import { analyse } from '../engine/glossary';
import { PreviewRequest, type PreviewContent, type PreviewParams } from '../../../shared/protocol';
import type { Analysis, Feature, ServerContext } from './context';

/** Glossary terms to mark: the matcher's hits with the glossary this file was checked with (cached per digest). */
export function termMarks(a: Analysis): TermMark[] {
  const glossary = a.outcome.glossary?.glossary;
  return glossary ? glossaryTermMarks(analyse(a.outcome.result.digest, glossary)) : [];
}

/** The preview request: HTML and outline from the analysis the diagnostics came from. */
export const previewFeature: Feature = { register: registerPreview };

function registerPreview(ctx: ServerContext): void {
  const cache = new Map<string, PreviewContent>();
  const rendered = new WeakMap<Analysis, PreviewContent>();
  ctx.documents.onDidClose(e => cache.delete(e.document.uri));

  ctx.connection.onRequest(PreviewRequest, (p: PreviewParams): PreviewContent | null => {
    const doc = ctx.documents.get(p.uri);
    if (!doc) return null;
    const a = ctx.analysisOf(p.uri);
    // One render per analysis (a settings change re-checks the same version: new language, new findings).
    if (a) { const done = rendered.get(a); if (done) return done; }
    const hit = cache.get(p.uri);
    if (!a && hit && !hit.isDigest && hit.version === doc.version && hit.locale === ctx.locale(p.uri)) return hit;
    let content: PreviewContent;
    if (a) {
      const r = a.outcome.result;
      const { html, outline, publishedHtml } = renderDigest(r.digest, { findings: r.findings, terms: termMarks(a), locale: ctx.locale(p.uri), lineIndex: r.lineIndex });
      content = { uri: p.uri, version: a.version, isDigest: true, html, outline, locale: a.outcome.locale, ...(publishedHtml ? { publishedHtml } : {}) };
    } else {
      // Not a digest (yet): still render it, with the default profile's outline and no checks.
      const text = doc.getText();
      const digest = buildDigest(parseMarkdown(text), text, builtinProfile(DEFAULT_PROFILE_ID)!);
      const { html, outline, publishedHtml } = renderDigest(digest, { locale: ctx.locale(p.uri), lineIndex: new LineIndex(text) });
      content = { uri: p.uri, version: doc.version, isDigest: false, html, outline, locale: ctx.locale(p.uri), ...(publishedHtml ? { publishedHtml } : {}) };
    }
    cache.set(p.uri, content);
    if (a) rendered.set(a, content);
    return content;
  });
}
