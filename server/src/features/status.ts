import { DocumentStatusRequest, type DocumentStatus, type DocumentStatusParams } from '../../../shared/protocol';
import type { Feature } from './context';
import { documentDiagnostics } from './lsp-convert';
import { entryCounts } from '../engine/entry-kind';

/** A 목차 list and numbered headings: looks like a digest even without opt-in. */
export function looksLikeDigest(text: string): boolean {
  return /^\s*(\*\*)?(목차|Contents)(\*\*)?\s*:?\s*$/m.test(text) && /^#{2,4}\s+\d+\.(\d+\.)?\s/m.test(text);
}

export const statusFeature: Feature = {
  register: ctx => ctx.connection.onRequest(DocumentStatusRequest, (p: DocumentStatusParams): DocumentStatus => {
    const doc = ctx.documents.get(p.uri);
    if (!doc) return { isDigest: false, looksLikeDigest: false, papers: 0, findings: 0, profile: '' };
    const tooLarge = ctx.isDigest(doc) ? ctx.oversize(doc) : undefined;
    if (tooLarge) return { isDigest: true, looksLikeDigest: true, papers: 0, findings: 0, profile: '', tooLarge, locale: ctx.locale(p.uri) };
    const a = ctx.analysisOf(p.uri);
    if (!a) return { isDigest: false, looksLikeDigest: looksLikeDigest(doc.getText()), papers: 0, findings: 0, profile: '', locale: ctx.locale(p.uri) };
    const r = a.outcome.result;
    // Count what is published (the document's own and the workspace checks'), as the Problems panel lists it.
    const published = documentDiagnostics(a, ctx.hooks);
    const by = (sev: number) => published.filter(d => d.severity === sev).length;
    const counts = { errors: by(1), warnings: by(2), infos: by(3), hints: by(4) };
    const entries = entryCounts(r.digest.papers, r.digest.profile.blocks.filter(b => b.required).length);
    return { isDigest: true, looksLikeDigest: true, papers: entries.papers, overviews: entries.overviews, findings: counts.errors + counts.warnings + counts.infos, counts, profile: r.digest.profile.id, locale: a.outcome.locale };
  }),
};
