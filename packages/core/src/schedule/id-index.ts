/**
 * Task id → index. Ids that are small canonical integers ("0", "17", as MSPDI UIDs and PSPLIB jobs
 * are) live in a typed array, the rest in a Map: a plan with 100k tasks resolves 300k ids per schedule,
 * and an array index is several times faster than hashing.
 */
const MAX_DIRECT = 1 << 24;

/** The integer an id spells canonically (no sign, no leading zero), or -1. */
function directKey(id: string): number {
  const n = id.length;
  if (n === 0 || n > 8) return -1;
  let value = 0;
  for (let k = 0; k < n; k++) {
    const c = id.charCodeAt(k) - 48;
    if (c < 0 || c > 9 || (c === 0 && k === 0 && n > 1)) return -1;
    value = value * 10 + c;
  }
  return value < MAX_DIRECT ? value : -1;
}

export class IdIndex {
  /** Index + 1 by integer key, 0 where there is none (reads stay in bounds: no holes, no -1 fill). */
  private direct = new Int32Array(1024);
  private readonly named = new Map<string, number>();

  /** Adds an id; returns false if it is already there. */
  add(id: string, index: number): boolean {
    const key = directKey(id);
    if (key < 0) {
      if (this.named.has(id)) return false;
      this.named.set(id, index);
      return true;
    }
    let direct = this.direct;
    if (key >= direct.length) {
      let size = direct.length * 2;
      while (size <= key) size *= 2;
      const grown = new Int32Array(size);
      grown.set(direct);
      this.direct = direct = grown;
    }
    if (direct[key] !== 0) return false;
    direct[key] = index + 1;
    return true;
  }

  get(id: string): number | undefined {
    const key = directKey(id);
    if (key < 0) return this.named.get(id);
    const direct = this.direct;
    const entry = key < direct.length ? direct[key]! : 0;
    return entry === 0 ? undefined : entry - 1;
  }
}
