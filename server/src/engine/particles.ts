import { josa } from 'es-hangul';

/**
 * Korean particles that change form with the word before them (받침 or not). A fix that puts a
 * new word before one of them must choose the form for the new word: 신경망을, not 신경망를.
 * The choice itself is es-hangul's; this file only finds a particle in text.
 */
export type JosaRule = Parameters<typeof josa>[1];

interface ParticleForm { form: string; rule: JosaRule; /** What may follow the particle inside the same word. */ then: RegExp }

// What may follow a particle: a word boundary, or a particle stacked on it (으로는, 과의).
const END = /^(?:$|[\s\p{P}\p{S}])/u;
const END_DO = /^(?:$|[\s\p{P}\p{S}]|[는도의만])/u;
const END_RA = /^(?:$|[\s\p{P}\p{S}]|[는고면서도])/u;
const END_RANG = /^(?:$|[\s\p{P}\p{S}]|[은도])/u;
const forms = (rule: JosaRule, then: RegExp): ParticleForm[] => rule.split('/').map(form => ({ form, rule, then }));

/** Longest first, so 으로서 is not read as 으로 + 서. */
const FORMS: ParticleForm[] = [
  ...forms('으로부터/로부터', END), ...forms('으로서/로서', END_DO), ...forms('으로써/로써', END),
  ...forms('이랑/랑', END_RANG), ...forms('이나/나', END), ...forms('이라/라', END_RA), ...forms('으로/로', END_DO),
  ...forms('을/를', END), ...forms('은/는', END),
  // 이 before 다/며/고 is the copula, which agrees by itself (데이터다 and 데이터이다 are both fine).
  ...forms('이/가', END), ...forms('와/과', END_DO),
];

export interface ParticleAt { form: string; rule: JosaRule; length: number }

/** The variable particle `text` starts with, if it starts with one that ends a word there. */
export function particleAt(text: string): ParticleAt | undefined {
  for (const p of FORMS) {
    if (text.startsWith(p.form) && p.then.test(text.slice(p.form.length))) return { form: p.form, rule: p.rule, length: p.form.length };
  }
  return undefined;
}

const HANGUL_SYLLABLE = /^[\uAC00-\uD7A3]$/;

/** The form of a particle that agrees with `word` (its last Hangul syllable), or undefined when `word` does not end in Hangul. */
export function particleFor(word: string, rule: JosaRule): string | undefined {
  const last = word.slice(-1);
  if (!HANGUL_SYLLABLE.test(last)) return undefined;
  return josa(last, rule).slice(last.length);
}

/**
 * The syllable a particle after `before` agrees with: the last letter, looking through closing
 * emphasis and through a pair's parenthesis (추론(inference)으로 agrees with 론).
 * Undefined when that is not Hangul (a Latin word's particle follows its reading, which we do not guess).
 */
export function particleHost(before: string): string | undefined {
  let t = before.replace(/(?:\*\*|__|\*|_|~~)+$/, '');
  const pair = /([^\s(（])\s?[(（][^()（）\n]*[)）]$/.exec(t);
  if (pair) t = pair[1];
  else t = t.replace(/\]\([^)\n]*\)$/, '').replace(/\]$/, '');
  const last = t.slice(-1);
  return HANGUL_SYLLABLE.test(last) ? last : undefined;
}
