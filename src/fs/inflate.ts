// A zlib stream (RFC 1950 around RFC 1951's deflate) inflated in JavaScript, for the few hundred
// bytes of a git commit object (src/fs/git-objects.ts): node:zlib costs apply's start more to load
// and set up (about 1.5 ms) than this takes. Small and plain rather than fast: the codes are decoded
// a bit at a time (canonical Huffman codes, as RFC 1951 section 3.2.2 builds them). Anything it does
// not read exactly (a preset dictionary, a bad code, a wrong length or checksum) gives undefined, and
// the caller inflates with node:zlib instead; the Adler-32 check makes a wrong answer a refusal.

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
/** The order in which a dynamic block gives the code lengths of its code length alphabet. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

class Bad extends Error {}

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Code {
  counts: Uint16Array;
  symbols: Uint16Array;
}

function code(lengths: ArrayLike<number>, count: number): Code {
  const counts = new Uint16Array(16);
  for (let symbol = 0; symbol < count; symbol++) {
    const length = lengths[symbol]!;
    counts[length] = counts[length]! + 1;
  }
  const offsets = new Uint16Array(16);
  for (let length = 1; length < 15; length++) offsets[length + 1] = offsets[length]! + counts[length]!;
  const symbols = new Uint16Array(count);
  for (let symbol = 0; symbol < count; symbol++) {
    const length = lengths[symbol]!;
    if (length !== 0) {
      symbols[offsets[length]!] = symbol;
      offsets[length] = offsets[length]! + 1;
    }
  }
  counts[0] = 0;
  return { counts, symbols };
}

let fixedCodes: { literals: Code; distances: Code } | undefined;

function fixed(): { literals: Code; distances: Code } {
  if (fixedCodes) return fixedCodes;
  const lengths = new Uint8Array(288);
  lengths.fill(8, 0, 144);
  lengths.fill(9, 144, 256);
  lengths.fill(7, 256, 280);
  lengths.fill(8, 280, 288);
  fixedCodes = { literals: code(lengths, 288), distances: code(new Uint8Array(30).fill(5), 30) };
  return fixedCodes;
}

/**
 * The inflated bytes of a zlib stream, or undefined when this reader cannot vouch for them. Output
 * past `limit` bytes is refused. Bytes after the stream's checksum are ignored (a pack holds the
 * next object there).
 */
export function inflateZlib(input: Uint8Array, limit: number): Buffer | undefined {
  try {
    return inflate(input, limit);
  } catch (error) {
    if (error instanceof Bad || error instanceof RangeError) return undefined;
    throw error;
  }
}

function inflate(input: Uint8Array, limit: number): Buffer {
  if (input.length < 6) throw new Bad();
  const cmf = input[0]!;
  const flg = input[1]!;
  // Deflate (8), a window of at most 32 KiB, the check bits, and no preset dictionary.
  if ((cmf & 15) !== 8 || cmf >> 4 > 7 || (cmf * 256 + flg) % 31 !== 0 || flg & 32) throw new Bad();
  let at = 2;
  let bits = 0;
  let held = 0;
  const need = (n: number): number => {
    while (held < n) {
      if (at >= input.length) throw new Bad();
      bits |= input[at++]! << held;
      held += 8;
    }
    const value = bits & ((1 << n) - 1);
    bits >>>= n;
    held -= n;
    return value;
  };
  const decode = ({ counts, symbols }: Code): number => {
    let value = 0;
    let first = 0;
    let index = 0;
    for (let length = 1; length < 16; length++) {
      value |= need(1);
      const count = counts[length]!;
      if (value - first < count) return symbols[index + value - first]!;
      index += count;
      first = (first + count) << 1;
      value <<= 1;
    }
    throw new Bad();
  };
  let out = Buffer.allocUnsafe(Math.min(limit, Math.max(256, input.length * 4)));
  let size = 0;
  const room = (n: number) => {
    if (size + n <= out.length) return;
    if (size + n > limit) throw new Bad();
    const larger = Buffer.allocUnsafe(Math.min(limit, Math.max(out.length * 2, size + n)));
    out.copy(larger, 0, 0, size);
    out = larger;
  };
  let last = 0;
  while (!last) {
    last = need(1);
    const type = need(2);
    if (type === 0) {
      bits = 0;
      held = 0;
      if (at + 4 > input.length) throw new Bad();
      const length = input[at]! | (input[at + 1]! << 8);
      if ((length ^ 0xffff) !== (input[at + 2]! | (input[at + 3]! << 8))) throw new Bad();
      at += 4;
      if (at + length > input.length) throw new Bad();
      room(length);
      out.set(input.subarray(at, at + length), size);
      size += length;
      at += length;
      continue;
    }
    let literals: Code;
    let distances: Code;
    if (type === 1) ({ literals, distances } = fixed());
    else if (type === 2) ({ literals, distances } = dynamic(need, decode));
    else throw new Bad();
    for (;;) {
      const symbol = decode(literals);
      if (symbol < 256) {
        room(1);
        out[size++] = symbol;
      } else if (symbol === 256) {
        break;
      } else {
        const lengthCode = symbol - 257;
        if (lengthCode >= 29) throw new Bad();
        const length = LENGTH_BASE[lengthCode]! + need(LENGTH_EXTRA[lengthCode]!);
        const distanceCode = decode(distances);
        if (distanceCode >= 30) throw new Bad();
        const distance = DISTANCE_BASE[distanceCode]! + need(DISTANCE_EXTRA[distanceCode]!);
        if (distance > size) throw new Bad();
        room(length);
        for (let i = 0; i < length; i++, size++) out[size] = out[size - distance]!;
      }
    }
  }
  // The Adler-32 of the output, big-endian, from the next whole byte.
  if (at + 4 > input.length) throw new Bad();
  const expected = ((input[at]! << 24) | (input[at + 1]! << 16) | (input[at + 2]! << 8) | input[at + 3]!) >>> 0;
  if (adler32(out, size) !== expected) throw new Bad();
  return out.subarray(0, size);
}

function dynamic(need: (n: number) => number, decode: (code: Code) => number): { literals: Code; distances: Code } {
  const literalCount = need(5) + 257;
  const distanceCount = need(5) + 1;
  const lengthCount = need(4) + 4;
  if (literalCount > 286 || distanceCount > 30) throw new Bad();
  const codeLengths = new Uint8Array(19);
  for (let i = 0; i < lengthCount; i++) codeLengths[CODE_LENGTH_ORDER[i]!] = need(3);
  const lengthCode = code(codeLengths, 19);
  const lengths = new Uint8Array(literalCount + distanceCount);
  for (let i = 0; i < lengths.length;) {
    const symbol = decode(lengthCode);
    if (symbol < 16) {
      lengths[i++] = symbol;
      continue;
    }
    let value = 0;
    let repeat: number;
    if (symbol === 16) {
      if (i === 0) throw new Bad();
      value = lengths[i - 1]!;
      repeat = 3 + need(2);
    } else repeat = symbol === 17 ? 3 + need(3) : 11 + need(7);
    if (i + repeat > lengths.length) throw new Bad();
    lengths.fill(value, i, i + repeat);
    i += repeat;
  }
  if (lengths[256] === 0) throw new Bad(); // no end-of-block code
  return {
    literals: code(lengths.subarray(0, literalCount), literalCount),
    distances: code(lengths.subarray(literalCount), distanceCount),
  };
}

function adler32(bytes: Uint8Array, size: number): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < size;) {
    // 5552 bytes keep the sums within 32 bits before the modulo (zlib's NMAX).
    const end = Math.min(size, i + 5552);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
