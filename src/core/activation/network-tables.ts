import { KEY_ACTIVE } from './network-codes.js';

// Growable tables the network compiler fills while reading the pledges once: the distinct aggregate keys and the
// per-node arrays.

/** Distinct aggregate keys, found by index only (no hashing): plain ones (no second name) by type and bucket, qualified ones by type, bucket and qualifier. */
export class KeyTable {
  private readonly plain: number[][] = [[], [], []];
  private readonly qualified: number[][][] = [[], [], []];
  private readonly type: number[] = [];
  private readonly bucket: number[] = [];
  private readonly capability: number[] = [];
  private readonly area: number[] = [];

  /** The key of (type, bucket, capability, area), created if new; `qualifier` below is capability or area, -1 if none. */
  find(type: number, bucket: number, capability: number, area: number): number {
    const qualifier = type === KEY_ACTIVE ? capability : area;
    const plain = this.plain[type] as number[];
    const byBucket = this.qualified[type] as number[][];
    const known = qualifier < 0 ? plain[bucket] : byBucket[bucket]?.[qualifier];
    if (known !== undefined && known >= 0) return known;
    const index = this.type.length;
    this.type.push(type);
    this.bucket.push(bucket);
    this.capability.push(capability);
    this.area.push(area);
    if (qualifier < 0) {
      setGrowing(plain, bucket, index);
    } else {
      while (byBucket.length <= bucket) byBucket.push([]);
      setGrowing(byBucket[bucket] as number[], qualifier, index);
    }
    return index;
  }

  /** The key of (type, bucket, capability, area), or -1 when there is none. */
  lookup(type: number, bucket: number, capability: number, area: number): number {
    const qualifier = type === KEY_ACTIVE ? capability : area;
    const known = qualifier < 0 ? (this.plain[type] as number[])[bucket] : (this.qualified[type] as number[][])[bucket]?.[qualifier];
    return known === undefined ? -1 : known;
  }

  arrays(): { keyCount: number; keyType: Uint8Array; keyBucket: Int32Array; keyCapability: Int32Array; keyArea: Int32Array } {
    return {
      keyCount: this.type.length,
      keyType: new Uint8Array(this.type),
      keyBucket: new Int32Array(this.bucket),
      keyCapability: new Int32Array(this.capability),
      keyArea: new Int32Array(this.area),
    };
  }
}

/** list[at] = value, filling any gap with -1 so that the array stays packed. */
function setGrowing(list: number[], at: number, value: number): void {
  while (list.length < at) list.push(-1);
  list[at] = value;
}

/** Growable per-node typed arrays (by a quarter), handed out as views of the used part. */
export class NodeArrays {
  kind: Uint8Array;
  parent: Int32Array;
  leafType: Uint8Array;
  leafRef: Int32Array;
  leafAux: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.parent = new Int32Array(capacity);
    this.leafType = new Uint8Array(capacity);
    this.leafRef = new Int32Array(capacity);
    this.leafAux = new Int32Array(capacity);
  }

  /** Append a node of `pledge` (a root until it gets a parent, no leaf data) and return its id. */
  push(kind: number, pledge: number): number {
    if (this.size === this.kind.length) this.grow(Math.ceil(this.size * 1.25) + 16);
    const id = this.size++;
    this.kind[id] = kind;
    this.parent[id] = -1 - pledge;
    this.leafRef[id] = -1;
    return id;
  }

  trimmed(): { nodeKind: Uint8Array; nodeParent: Int32Array; leafType: Uint8Array; leafRef: Int32Array; leafAux: Int32Array } {
    const size = this.size;
    return {
      nodeKind: this.kind.subarray(0, size),
      nodeParent: this.parent.subarray(0, size),
      leafType: this.leafType.subarray(0, size),
      leafRef: this.leafRef.subarray(0, size),
      leafAux: this.leafAux.subarray(0, size),
    };
  }

  private grow(capacity: number): void {
    const size = this.size;
    const resize = <T extends Uint8Array | Int32Array>(from: T, to: T): T => {
      to.set(from.subarray(0, size));
      return to;
    };
    this.kind = resize(this.kind, new Uint8Array(capacity));
    this.parent = resize(this.parent, new Int32Array(capacity));
    this.leafType = resize(this.leafType, new Uint8Array(capacity));
    this.leafRef = resize(this.leafRef, new Int32Array(capacity));
    this.leafAux = resize(this.leafAux, new Int32Array(capacity));
  }
}
