import type { Locale } from '../types';
import enCommon from './en/common.json';
import koCommon from './ko/common.json';
import enStructure from './en/structure.json';
import koStructure from './ko/structure.json';
import enGlossary from './en/glossary.json';
import koGlossary from './ko/glossary.json';
import enCli from './en/cli.json';
import koCli from './ko/cli.json';
import enPreview from './en/preview.json';
import koPreview from './ko/preview.json';
import enServer from './en/server.json';
import koServer from './ko/server.json';
import enAssistant from './en/assistant.json';
import koAssistant from './ko/assistant.json';
import { resolveParticles } from './particles';

/**
 * Message catalogues, one file per area and locale (messages/<locale>/<area>.json), merged here.
 * Ids are "<rule-id>/<message>" for rules and "<area>/<message>" otherwise; placeholders are {name}.
 */
const catalogues: Record<Locale, Record<string, string>> = {
  en: { ...enCommon, ...enStructure, ...enGlossary, ...enCli, ...enPreview, ...enServer, ...enAssistant },
  ko: { ...koCommon, ...koStructure, ...koGlossary, ...koCli, ...koPreview, ...koServer, ...koAssistant },
};

// Findings repeat their messages (the same term, the same block, check after check while typing):
// a finished message is kept by its locale and id, then its data. Cleared whole when full, which bounds it.
const finished = { en: new Map<string, Map<string, string>>(), ko: new Map<string, Map<string, string>>() };
let finishedCount = 0;
const FINISHED_MAX = 20_000;

/** Empties the kept messages (see forgetCaches in the engine's index). */
export function forgetMessages(): void {
  finished.en.clear(); finished.ko.clear(); finishedCount = 0;
}

export function message(locale: Locale, id: string, data: Record<string, unknown> = {}): string {
  const byId = finished[locale];
  let byData = byId.get(id);
  if (!byData) byId.set(id, (byData = new Map()));
  const key = dataKey(data);
  let text = byData.get(key);
  if (text === undefined) {
    if (finishedCount >= FINISHED_MAX) { finished.en.clear(); finished.ko.clear(); finishedCount = 0; byId.set(id, byData); }
    byData.set(key, (text = format(locale, id, data)));
    finishedCount++;
  }
  return text;
}

/**
 * The data as one string, which no other data gives: each name, the value's type, its length and
 * the value (objects as JSON).
 */
function dataKey(data: Record<string, unknown>): string {
  let key = '';
  for (const name in data) {
    const v = data[name];
    const s = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
    key += `${name}:${typeof v}:${s.length}:${s}`;
  }
  return key;
}

function format(locale: Locale, id: string, data: Record<string, unknown>): string {
  const template = catalogues[locale][id] ?? catalogues.en[id];
  if (template === undefined) return id;
  const text = template.replace(/\{(\w+)\}/g, (all, k: string) => (k in data ? String(data[k]) : all));
  // Korean templates write both particle forms (을(를)); the finished message gets the one that agrees.
  return catalogues[locale][id] !== undefined && locale === 'ko' ? resolveParticles(text) : text;
}

export function messageIds(locale: Locale): string[] { return Object.keys(catalogues[locale]); }

export function normaliseLocale(s: string | undefined): Locale {
  return s && s.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
