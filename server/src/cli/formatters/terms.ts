import { t } from '../io';
import { columns, padColumns } from '../columns';
import type { Locale } from '../../engine';
import type { TermReport } from '../../engine/terms/aggregate';

export interface TermsResult { files: number; pairs: number; en: TermReport[]; ko: TermReport[] }

/** Locations shown per rendering in the human-readable report (all of them are in the JSON). */
const SHOWN = 3;

/**
 * The terms report for people: each English term with its Korean renderings (count, a few
 * locations as file:line:col, 1-based), then the reverse.
 */
export function formatTermsStylish(r: TermsResult, locale: Locale): string {
  const out: string[] = [];
  const section = (title: string, list: TermReport[]) => {
    out.push(title);
    for (const term of list) {
      out.push(`  ${term.term}  (${term.count})`);
      const width = Math.max(...term.renderings.map(x => columns(x.text)));
      for (const x of term.renderings) {
        const locs = x.locations.slice(0, SHOWN).map(l => `${l.path}:${l.line + 1}:${l.character + 1}`);
        if (x.locations.length > SHOWN) locs.push(t(locale, 'terms-more', { count: x.locations.length - SHOWN }));
        out.push(`    ${padColumns(x.text, width)}  ×${x.count}  ${locs.join(', ')}`);
      }
    }
    out.push('');
  };
  if (r.en.length) section(t(locale, 'terms-en-heading', { count: r.en.length }), r.en);
  if (r.ko.length) section(t(locale, 'terms-ko-heading', { count: r.ko.length }), r.ko);
  out.push(t(locale, r.en.length || r.ko.length ? 'terms-summary' : 'terms-consistent', { files: r.files, pairs: r.pairs, en: r.en.length, ko: r.ko.length }));
  return out.join('\n') + '\n';
}

/**
 * `terms --format json`: {"version":1,"files":N,"pairs":N,"en":[…],"ko":[…]}, each term
 * {"term","count","renderings":[{"text","count","locations":[{"path","line","character"}]}]},
 * lines and characters 0-based (UTF-16), as in the lint JSON.
 */
export function formatTermsJson(r: TermsResult): string {
  return JSON.stringify({ version: 1, files: r.files, pairs: r.pairs, en: r.en, ko: r.ko }) + '\n';
}
