import * as vscode from 'vscode';
import { translate, type ClientLocale } from './translate';

export type { ClientLocale };

/**
 * Client text in the document's language, the one its findings speak (paperDigest.locale, else its
 * configuration's, else its profile's; the server says which), so a Korean digest in an English
 * VS Code reads Korean in the status bar and the preview too. Without a document, VS Code's own
 * display language (vscode.l10n). Keys and placeholders are those of l10n/bundle.l10n.*.json.
 */
export function t(locale: ClientLocale | undefined, key: string, ...args: (string | number)[]): string {
  if (!locale) return vscode.l10n.t(key, ...args);
  return translate(locale, key, ...args);
}
