/**
 * The preview page's HTML: a strict Content-Security-Policy (nothing remote, scripts and
 * styles only with this page's nonce), the sanitised digest, the side outline and the page
 * script. Pure (no `vscode` import) so the browser test loads exactly what the panel shows.
 */
import type { PreviewContent } from '../../../shared/protocol';

export interface PageOptions {
  nonce: string;
  /** The webview's resource origin (webview.cspSource): local images only. */
  cspSource: string;
  /** The page script and style sheet: their webview URIs (the panel), or their text inline (the browser test's page). */
  scriptUri?: string;
  cssUri?: string;
  script?: string;
  css?: string;
  /** Localised UI strings for the page script (outline titles, banners). */
  strings: Record<string, string>;
  initial: PreviewContent | null;
  lang?: string;
  /** Base for relative image paths: the document's folder as a webview URI. */
  baseHref?: string;
}

export function contentSecurityPolicy(nonce: string, cspSource: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'self' " + cspSource,
    "form-action 'none'",
  ].join('; ');
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** JSON inside <script type="application/json">: no "</script>" or "<!--" can break out. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** A random nonce per page load (base64 of 16 random bytes). */
export function makeNonce(random: (n: number) => Uint8Array): string {
  return btoa(String.fromCharCode(...random(16)));
}

export function previewPageHtml(o: PageOptions): string {
  const n = escapeAttr(o.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeAttr(o.lang ?? 'ko')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(o.nonce, o.cspSource))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${o.baseHref ? `<base href="${escapeAttr(o.baseHref)}">` : ''}
${o.cssUri ? `<link rel="stylesheet" nonce="${n}" href="${escapeAttr(o.cssUri)}">` : `<style nonce="${n}">${o.css ?? ''}</style>`}
<title>Paper Digest</title>
</head>
<body data-strings="${escapeAttr(JSON.stringify(o.strings))}">
<div id="pd-banner" class="pd-banner" hidden></div>
<div class="pd-layout">
<main id="pd-content" class="pd-content">${o.initial?.html ?? ''}</main>
<aside id="pd-outline" class="pd-outline" aria-label="${escapeAttr(o.strings.outline ?? 'Outline')}"></aside>
</div>
<script type="application/json" id="pd-initial">${scriptJson(o.initial)}</script>
${o.scriptUri ? `<script nonce="${n}" src="${escapeAttr(o.scriptUri)}"></script>` : `<script nonce="${n}">${o.script ?? ''}</script>`}
</body>
</html>`;
}
