/**
 * The editor's `paperDigest.*` settings as the server uses them: merged over the defaults, each
 * value checked. A bad value (a rule level "warn", an unknown rule, a run mode "always") is named
 * in one plain line and its default is used; it never reaches a diagnostic (issue 16).
 */
import configSchema from '../../schemas/config.schema.json';
import { validator } from './engine/json-file';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type Settings } from '../../shared/settings';
import { message, type Locale } from './engine';

/** The rules of `.paperdigestrc.json`'s schema: the same levels, options and rule ids. */
export const RULES_SCHEMA = { definitions: configSchema.definitions, ...configSchema.properties.rules };
const ruleSettingValid = (rule: string, value: unknown): boolean => validator(RULES_SCHEMA)({ [rule]: value }) as boolean;

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(x => typeof x === 'string');

const CHECKS: { [K in keyof Settings]: (v: unknown) => boolean } = {
  run: v => v === 'onSave' || v === 'onType',
  onTypeDelay: v => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  locale: v => v === '' || v === 'ko' || v === 'en',
  files: isStrings,
  profile: v => typeof v === 'string',
  rules: v => !!v && typeof v === 'object' && !Array.isArray(v),
  glossaries: isStrings,
  workspaceTerms: v => typeof v === 'boolean',
  maxDocumentKB: v => typeof v === 'number' && Number.isFinite(v) && v > 0,
};

export interface ResolvedSettings { settings: Settings; problems: string[] }

/** `raw` (what the client sent, possibly partial or wrong) as settings, with a line per bad value. */
export function resolveSettings(raw: unknown, locale: Locale): ResolvedSettings {
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  const problems: string[] = [];
  const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const v = given[key];
    if (v === undefined || v === null) continue;
    if (!CHECKS[key](v)) {
      problems.push(message(locale, 'settings/bad-value', { setting: `${SETTINGS_SECTION}.${key}`, value: JSON.stringify(v), default: JSON.stringify(DEFAULT_SETTINGS[key]) }));
      continue;
    }
    (settings as unknown as Record<string, unknown>)[key] = v;
  }
  // Rule by rule: one bad level does not cost the others theirs.
  const rules: Record<string, unknown> = {};
  for (const [rule, value] of Object.entries(settings.rules)) {
    if (ruleSettingValid(rule, value)) rules[rule] = value;
    else problems.push(message(locale, 'settings/bad-rule', { setting: `${SETTINGS_SECTION}.rules`, rule, value: JSON.stringify(value) }));
  }
  settings.rules = rules;
  return { settings, problems };
}
