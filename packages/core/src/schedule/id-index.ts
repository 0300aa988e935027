/**
 * Task id → index. Ids that are small canonical integers ("0", "17", as MSPDI UIDs and PSPLIB jobs
 * are) live in an array, the rest in a Map: a plan with 100k tasks resolves 300k ids per schedule, and
 * an array index is several times faster than hashing.
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
  private readonly direct: number[] = [];
  private readonly named = new Map<string, number>();

  /** Adds an id; returns false if it is already there. */
  add(id: string, index: number): boolean {
    const key = directKey(id);
    if (key < 0) {
      if (this.named.has(id)) return false;
      this.named.set(id, index);
      return true;
    }
    const existing = this.direct[key];
    if (existing !== undefined && existing >= 0) return false;
    while (this.direct.length < key) this.direct.push(-1);
    this.direct[key] = index;
    return true;
  }

  get(id: string): number | undefined {
    const key = directKey(id);
    if (key < 0) return this.named.get(id);
    const index = this.direct[key];
    return index === undefined || index < 0 ? undefined : index;
  }
}
