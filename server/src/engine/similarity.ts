/** Dice coefficient over character bigrams of whitespace-free, lower-cased text: 0..1. */
export function similarity(a: string, b: string): number {
  const x = a.replace(/\s+/g, '').toLowerCase(), y = b.replace(/\s+/g, '').toLowerCase();
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) { const g = x.slice(i, i + 2); grams.set(g, (grams.get(g) ?? 0) + 1); }
  let both = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const g = y.slice(i, i + 2), n = grams.get(g) ?? 0;
    if (n > 0) { both++; grams.set(g, n - 1); }
  }
  return (2 * both) / (x.length - 1 + y.length - 1);
}
