// The JavaScript inflate git objects are read with (src/fs/inflate.ts) against node:zlib: every
// block type zlib writes (stored, fixed and dynamic Huffman codes, at each level and strategy), sizes
// from empty to past a stored block's 64 KiB, and broken or foreign streams refused rather than
// answered wrongly.
import assert from 'node:assert/strict';
import { constants, deflateRawSync, deflateSync, inflateSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { inflateZlib } from '../../src/fs/inflate.js';

let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/** Text-like bytes (repeats for back-references), noise (no matches) or a mix. */
function sample(size: number, kind: 'text' | 'noise' | 'mixed'): Buffer {
  const words = ['tree ', 'parent ', 'author ', 'gitops-promote', '\n', 'Promotion-Record: ', '{"v":1}', ' ', 'é✅'];
  const parts: Buffer[] = [];
  let length = 0;
  while (length < size) {
    const noise = kind === 'noise' || (kind === 'mixed' && random() < 0.3);
    const part = noise
      ? Buffer.from(Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 256)))
      : Buffer.from(words[Math.floor(random() * words.length)]!);
    parts.push(part);
    length += part.length;
  }
  return Buffer.concat(parts).subarray(0, size);
}

describe('inflateZlib', () => {
  test('reads what node:zlib writes, at every level and strategy, whatever the size', () => {
    const strategies = [
      constants.Z_DEFAULT_STRATEGY,
      constants.Z_FIXED,
      constants.Z_HUFFMAN_ONLY,
      constants.Z_RLE,
      constants.Z_FILTERED,
    ];
    let cases = 0;
    for (const size of [0, 1, 2, 100, 300, 1000, 5000, 70_000]) {
      for (const kind of ['text', 'noise', 'mixed'] as const) {
        const data = sample(size, kind);
        for (const level of [0, 1, 6, 9]) {
          for (const strategy of strategies) {
            const compressed = deflateSync(data, { level, strategy });
            const inflated = inflateZlib(compressed, 1 << 20);
            assert.ok(inflated, `size ${size} ${kind} level ${level} strategy ${strategy}: refused`);
            assert.ok(inflated.equals(data), `size ${size} ${kind} level ${level} strategy ${strategy}`);
            cases++;
          }
        }
      }
    }
    assert.equal(cases, 8 * 3 * 4 * 5);
  });

  test('bytes after the stream (the next object of a pack) are left alone', () => {
    const data = sample(400, 'text');
    const compressed = Buffer.concat([deflateSync(data), Buffer.from('next object in the pack')]);
    assert.ok(inflateZlib(compressed, 1 << 20)?.equals(inflateSync(compressed)));
  });

  test('a broken, truncated, foreign or too large stream is refused, never answered wrongly', () => {
    const data = sample(2000, 'mixed');
    const compressed = deflateSync(data);
    assert.equal(inflateZlib(compressed.subarray(0, compressed.length - 5), 1 << 20), undefined, 'truncated');
    assert.equal(inflateZlib(compressed, 1000), undefined, 'past the limit');
    assert.equal(inflateZlib(deflateRawSync(data), 1 << 20), undefined, 'raw deflate, no zlib header');
    assert.equal(inflateZlib(Buffer.from('not zlib at all'), 1 << 20), undefined);
    const withDictionary = deflateSync(data, { dictionary: Buffer.from('gitops-promote') });
    assert.equal(inflateZlib(withDictionary, 1 << 20), undefined, 'a preset dictionary');
    let refused = 0;
    for (let i = 2; i < compressed.length; i += 7) {
      const broken = Buffer.from(compressed);
      broken[i] = broken[i]! ^ (1 + Math.floor(random() * 255));
      const inflated = inflateZlib(broken, 1 << 20);
      if (inflated === undefined) refused++;
      else assert.ok(inflated.equals(data), `byte ${i} flipped, and a different answer came back`);
    }
    assert.ok(refused > 0);
  });
});
