/**
 * A guard between stdin and the JSON-RPC reader. The LSP base protocol has no way back once a
 * Content-Length is wrong: a length too long swallows the next message's header and the reader
 * waits for bytes that never make a message, deaf for good. This stream passes well-framed
 * messages through unchanged and resynchronises on the next header when framing breaks.
 *
 * The proof of a framing error is a header inside a body: JSON never holds a raw CR or LF, so
 * `Content-Length: 52\r\n` can only be the start of the next message.
 */
import { Transform, type TransformCallback } from 'stream';

const HEADER = Buffer.from('Content-Length:');
const HEADER_END = Buffer.from('\r\n\r\n');
/** Bigger messages are skipped unread (VS Code sends at most 50 MB of text, JSON-escaped). */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** Header bytes kept while no header end is in sight; beyond, they are junk. */
const MAX_HEADER_BYTES = 64 * 1024;

interface Body { header: Buffer; length: number; chunks: Buffer[]; received: number; skip: boolean; tail: Buffer }

export class ResyncFraming extends Transform {
  /** Bytes not yet framed (at most a header's worth while no body is under way). */
  private head: Buffer = Buffer.alloc(0);
  private body: Body | undefined;

  constructor(private readonly log: (message: string) => void = () => undefined) { super(); }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let data: Buffer | undefined = chunk;
    while (data && data.length) data = this.body ? this.feedBody(data) : this.feedHeader(data);
    done();
  }

  /** Adds bytes to the header under way; returns what follows a complete header (the body's first bytes). */
  private feedHeader(data: Buffer): Buffer | undefined {
    this.head = this.head.length ? Buffer.concat([this.head, data]) : data;
    for (;;) {
      const end = this.head.indexOf(HEADER_END);
      const start = findHeader(this.head, 0);
      if (end < 0) {
        // A header block this long is junk even if it starts with a valid Content-Length: keep only
        // the last bytes (a header may be starting there), so hostile input cannot grow the buffer.
        if (this.head.length > MAX_HEADER_BYTES) this.discard(this.head.length - 64, 'a header block with no end');
        return undefined;
      }
      if (start < 0 || start > end) { this.discard(end + HEADER_END.length, 'a header block without Content-Length'); continue; }
      const length = contentLength(this.head.subarray(start, end).toString('latin1'));
      if (length === undefined) { this.discard(end + HEADER_END.length, 'a bad Content-Length'); continue; }
      // Other header lines before it (Content-Type comes first from some clients) are part of the
      // header; anything else before it is junk from a broken message.
      let keepFrom = start;
      if (start > 0 && /^(?:[!-9;-~]+:[^\r\n]*\r\n)+$/.test(this.head.subarray(0, start).toString('latin1'))) keepFrom = 0;
      if (keepFrom > 0) this.discard(keepFrom, 'bytes before a header');
      const bodyStart = end - keepFrom + HEADER_END.length;
      const header = this.head.subarray(0, bodyStart);
      const rest = this.head.subarray(bodyStart);
      this.head = Buffer.alloc(0);
      const skip = length > MAX_MESSAGE_BYTES;
      if (skip) this.log(`framing: skipping a message of ${length} bytes (more than ${MAX_MESSAGE_BYTES})`);
      this.body = { header, length, chunks: [], received: 0, skip, tail: Buffer.alloc(0) };
      return rest;
    }
  }

  /** Adds bytes to the body under way; returns what follows it (the next header's first bytes). */
  private feedBody(data: Buffer): Buffer | undefined {
    const b = this.body!;
    const want = b.length - b.received;
    const mine = data.subarray(0, want);
    // A header inside the body means the length was wrong: drop this message, frame from there.
    // The search starts a header's length back, so a header split between chunks is seen.
    const overlap = b.tail.length;
    const window = overlap ? Buffer.concat([b.tail, data]) : data;
    const inner = findHeader(window, 0);
    if (inner >= 0 && inner - overlap < want) {
      this.log(`framing: dropped a message whose Content-Length (${b.length}) runs into the next message`);
      this.body = undefined;
      return window.subarray(inner);
    }
    if (!b.skip) b.chunks.push(mine);
    b.received += mine.length;
    b.tail = Buffer.from(window.subarray(Math.max(0, window.length - (HEADER.length + 16))));
    if (b.received < b.length) return undefined;
    if (!b.skip) this.push(Buffer.concat([b.header, ...b.chunks]));
    this.body = undefined;
    return data.subarray(mine.length);
  }

  private discard(at: number, why: string): void {
    this.log(`framing: dropped ${at} bytes (${why})`);
    this.head = this.head.subarray(at);
  }
}

/**
 * Where `Content-Length: <digits>\r\n` starts at or after `from`, or -1: only a header can hold those
 * bytes. The name is matched in any case and blanks may surround the number, as vscode-jsonrpc reads it.
 */
function findHeader(buf: Buffer, from: number): number {
  for (let i = indexOfName(buf, from); i >= 0; i = indexOfName(buf, i + 1)) {
    let j = i + HEADER.length;
    while (buf[j] === 0x20 || buf[j] === 0x09) j++;
    const digits = j;
    while (buf[j] >= 0x30 && buf[j] <= 0x39) j++;
    const afterDigits = j;
    while (buf[j] === 0x20 || buf[j] === 0x09) j++;
    if (afterDigits > digits && buf[j] === 0x0d && buf[j + 1] === 0x0a) return i;
  }
  return -1;
}

/** The next `Content-Length:` in any case, found from its colon (one scan, no matter the spelling). */
function indexOfName(buf: Buffer, from: number): number {
  for (let c = buf.indexOf(0x3a, from + HEADER.length - 1); c >= 0; c = buf.indexOf(0x3a, c + 1)) {
    const i = c - HEADER.length + 1;
    // Two byte tests first (JSON is full of ':'): 'c' at the start, 'h' before the colon, in any case.
    if ((buf[i] | 0x20) !== 0x63 || (buf[c - 1] | 0x20) !== 0x68) continue;
    if (buf.subarray(i, c + 1).toString('latin1').toLowerCase() === 'content-length:') return i;
  }
  return -1;
}

function contentLength(headers: string): number | undefined {
  const m = /^Content-Length:[ \t]*(\d{1,12})[ \t]*$/im.exec(headers);
  return m ? Number(m[1]) : undefined;
}
