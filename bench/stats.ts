/** Timing helpers: warm-up first, then the median of several runs. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** `warm: false` skips the warm-up (big inputs measured after the code is already hot). */
export function timeSync(runs: number, f: (i: number) => void, before?: (i: number) => void, warm = true): number {
  const times: number[] = [];
  if (warm) {
    before?.(-1);
    f(-1);
  }
  for (let i = 0; i < runs; i++) {
    before?.(i);
    const t0 = performance.now();
    f(i);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function timeAsync(runs: number, f: (i: number) => Promise<void>): Promise<number> {
  const times: number[] = [];
  await f(-1);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f(i);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export const ms = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const ratio = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : x.toFixed(2) + '×');
