/**
 * A small expander for VS Code snippet syntax, enough to test our snippets as VS Code would
 * insert them: $1, ${1}, ${1:default} (nested), ${1|a,b|} (first choice), $0, ${VAR:default},
 * escapes \$ \} \\. Mirrors take the value of the tab stop's placeholder. Anything else
 * (transforms, unknown syntax) throws, so a malformed snippet fails the test.
 */
type Node = string | { stop: number; children: Node[] | null; choice?: string[] } | { variable: string; children: Node[] | null };

export function parseSnippet(src: string): Node[] {
  let i = 0;
  const parse = (inPlaceholder: boolean): Node[] => {
    const out: Node[] = [];
    let text = '';
    const flush = () => { if (text) out.push(text); text = ''; };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1])) { text += src[i + 1]; i += 2; continue; }
      if (c === '}' && inPlaceholder) { flush(); return out; }
      if (c !== '$') { text += c; i++; continue; }
      flush();
      const simple = /^\$(\d+)/.exec(src.slice(i));
      if (simple) { out.push({ stop: Number(simple[1]), children: null }); i += simple[0].length; continue; }
      const simpleVar = /^\$([A-Z_][A-Z_0-9]*)/.exec(src.slice(i));
      if (simpleVar) { out.push({ variable: simpleVar[1], children: null }); i += simpleVar[0].length; continue; }
      const open = /^\$\{(\d+|[A-Z_][A-Z_0-9]*)(:|\||\})/.exec(src.slice(i));
      if (!open) throw new Error(`unexpected "$" at ${i}: ${JSON.stringify(src.slice(i, i + 20))}`);
      i += open[0].length;
      const id = open[1], isStop = /^\d+$/.test(id);
      if (open[2] === '}') { out.push(isStop ? { stop: Number(id), children: null } : { variable: id, children: null }); continue; }
      if (open[2] === '|') {
        const end = src.indexOf('|}', i);
        if (end < 0 || !isStop) throw new Error(`unterminated choice at ${i}`);
        const choice = src.slice(i, end).split(/(?<!\\),/).map(s => s.replace(/\\(.)/g, '$1'));
        out.push({ stop: Number(id), children: [choice[0]], choice });
        i = end + 2;
        continue;
      }
      const children = parse(true);
      if (src[i] !== '}') throw new Error(`unterminated placeholder \${${id}: at ${i}`);
      i++;
      out.push(isStop ? { stop: Number(id), children } : { variable: id, children });
    }
    if (inPlaceholder) throw new Error('unterminated placeholder');
    flush();
    return out;
  };
  return parse(false);
}

export interface Expansion { text: string; stops: Map<number, string> }

/** Expands a snippet body (string or lines joined with \n); `values` overrides what the user "types" at a stop. */
export function expandSnippet(body: string | string[], values: Record<number, string> = {}, variables: Record<string, string> = {}): Expansion {
  const src = Array.isArray(body) ? body.join('\n') : body;
  const nodes = parseSnippet(src);
  const defaults = new Map<number, Node[]>();
  const collect = (ns: Node[]) => {
    for (const n of ns) {
      if (typeof n === 'string') continue;
      if ('stop' in n && n.children && !defaults.has(n.stop)) defaults.set(n.stop, n.children);
      if (n.children) collect(n.children);
    }
  };
  collect(nodes);
  const stops = new Map<number, string>();
  const render = (ns: Node[], depth: number): string => ns.map(n => {
    if (typeof n === 'string') return n;
    if (depth > 20) throw new Error('recursive placeholder');
    if ('variable' in n) return variables[n.variable] ?? (n.children ? render(n.children, depth + 1) : '');
    if (n.stop in values) { stops.set(n.stop, values[n.stop]); return values[n.stop]; }
    const d = defaults.get(n.stop);
    const v = d ? render(d, depth + 1) : '';
    stops.set(n.stop, v);
    return v;
  }).join('');
  return { text: render(nodes, 0), stops };
}
