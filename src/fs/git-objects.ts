// One commit object read straight from a checkout's .git folder, without starting git: apply reads the
// promotion record of the commit it applies before anything else, and a git process costs the step
// more than the read (starting it, and the child_process module). The common cases are read here: a
// loose object, or a whole (not deltified) object in a version 2 pack, which is what actions/checkout's
// shallow fetch leaves. Anything else gives undefined and the caller asks git: a .git that is a file
// (a worktree, a submodule), an object only in an alternate store, a delta, SHA-256 object names,
// replacement objects or grafts (which git log would honour), a message in another encoding.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateZlib } from './inflate.js';

export interface CommitObject {
  parents: string[];
  /** The message as stored: what `git log --format=%B` prints. */
  message: string;
}

const SHA1 = /^[0-9a-f]{40}$/;

/** A commit larger than this is left to git. */
const MAX_COMMIT_BYTES = 1 << 20;

/**
 * An object's zlib stream inflated: in JavaScript (inflate.ts), which a commit of a few hundred bytes
 * needs less than node:zlib's load; node:zlib, loaded then, for whatever that refuses.
 */
function inflate(data: Buffer): Buffer {
  return inflateZlib(data, MAX_COMMIT_BYTES + 64) ?? process.getBuiltinModule('node:zlib').inflateSync(data);
}
const OBJ_COMMIT = 1;

/** The commit `sha` of the repository whose work tree is `dir`, or undefined when git must be asked. */
export function readCommitObject(dir: string, sha: string): CommitObject | undefined {
  if (!SHA1.test(sha)) return undefined;
  const gitDir = join(dir, '.git');
  try {
    if (!statSync(gitDir).isDirectory() || rewritesHistory(gitDir)) return undefined;
    const body = looseObject(gitDir, sha) ?? packedObject(gitDir, sha);
    return body === undefined ? undefined : parseCommit(body);
  } catch {
    return undefined; // unreadable or not what git writes: git will say
  }
}

/** Whether `sha` is a shallow edge of the clone: its parents are listed but not there. */
export function isShallowEdge(dir: string, sha: string): boolean {
  try {
    return readFileSync(join(dir, '.git', 'shallow'), 'latin1')
      .split('\n')
      .includes(sha);
  } catch {
    return false;
  }
}

/** Replacement objects or grafts change what git log shows of a commit; leave those to git. */
function rewritesHistory(gitDir: string): boolean {
  if (existsSync(join(gitDir, 'refs', 'replace')) || existsSync(join(gitDir, 'info', 'grafts'))) return true;
  const packedRefs = join(gitDir, 'packed-refs');
  if (!existsSync(packedRefs)) return false;
  if (statSync(packedRefs).size > 1 << 20) return true; // not read whole at every start
  return readFileSync(packedRefs, 'latin1').includes(' refs/replace/');
}

function looseObject(gitDir: string, sha: string): Buffer | undefined {
  let compressed: Buffer;
  try {
    compressed = readFileSync(join(gitDir, 'objects', sha.slice(0, 2), sha.slice(2)));
  } catch {
    return undefined;
  }
  const object = inflate(compressed);
  const space = object.indexOf(0x20);
  const nul = object.indexOf(0);
  if (space < 0 || nul < space || object.toString('latin1', 0, space) !== 'commit') return undefined;
  const body = object.subarray(nul + 1);
  return Number(object.toString('latin1', space + 1, nul)) === body.length ? body : undefined;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

function packedObject(gitDir: string, sha: string): Buffer | undefined {
  const packDir = join(gitDir, 'objects', 'pack');
  let names: string[];
  try {
    names = readdirSync(packDir).filter((name) => name.endsWith('.idx'));
  } catch {
    return undefined;
  }
  for (const name of names) {
    const offset = indexOffset(join(packDir, name), sha);
    if (offset !== undefined) return packEntry(join(packDir, `${name.slice(0, -4)}.pack`), offset);
  }
  return undefined;
}

/** The pack offset of `sha` in a version 2 pack index (fan-out, sorted names, CRCs, offsets). */
function indexOffset(path: string, sha: string): number | undefined {
  const fd = openSync(path, 'r');
  try {
    const header = readAt(fd, 0, 8 + 256 * 4);
    if (header.length < 1032 || header.readUInt32BE(0) !== 0xff744f63 || header.readUInt32BE(4) !== 2) {
      throw new Error('not a version 2 pack index');
    }
    const first = parseInt(sha.slice(0, 2), 16);
    const count = header.readUInt32BE(8 + 255 * 4);
    const low = first === 0 ? 0 : header.readUInt32BE(8 + (first - 1) * 4);
    const high = header.readUInt32BE(8 + first * 4);
    if (high <= low) return undefined;
    const names = readAt(fd, 1032 + low * 20, (high - low) * 20);
    const wanted = Buffer.from(sha, 'hex');
    let lo = 0;
    let hi = high - low;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const order = names.compare(wanted, 0, 20, mid * 20, mid * 20 + 20);
      if (order === 0) {
        const index = low + mid;
        const offsets = 1032 + count * 24; // after the names (20 bytes each) and the CRCs (4)
        const small = readAt(fd, offsets + index * 4, 4).readUInt32BE(0);
        if ((small & 0x80000000) === 0) return small;
        const large = readAt(fd, offsets + count * 4 + (small & 0x7fffffff) * 8, 8);
        return Number(large.readBigUInt64BE(0));
      }
      if (order < 0) lo = mid + 1;
      else hi = mid;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** A whole commit at `offset` of a pack; undefined for a delta or another type. */
function packEntry(path: string, offset: number): Buffer | undefined {
  const fd = openSync(path, 'r');
  try {
    const head = readAt(fd, offset, 16);
    let byte = head[0] ?? 0;
    const type = (byte >> 4) & 7;
    let size = byte & 15;
    let shift = 4;
    let at = 1;
    while (byte & 0x80) {
      byte = head[at++] ?? 0;
      size += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    }
    if (type !== OBJ_COMMIT) return undefined;
    // zlib adds a few bytes to what it cannot shrink; inflate stops at the end of its stream.
    if (size > MAX_COMMIT_BYTES) return undefined;
    const body = inflate(readAt(fd, offset + at, size + 64 + (size >> 4)));
    return body.length === size ? body : undefined;
  } finally {
    closeSync(fd);
  }
}

function parseCommit(body: Buffer): CommitObject | undefined {
  const text = body.toString('utf8');
  const end = text.indexOf('\n\n');
  const headers = (end < 0 ? text : text.slice(0, end)).split('\n');
  const parents: string[] = [];
  for (const line of headers) {
    if (line.startsWith('parent ')) parents.push(line.slice(7));
    // git log re-encodes a message written in another encoding; that is git's to do.
    if (line.startsWith('encoding ') && !/^encoding utf-?8$/i.test(line)) return undefined;
  }
  if (!headers[0]?.startsWith('tree ')) return undefined;
  return { parents, message: end < 0 ? '' : text.slice(end + 2) };
}
