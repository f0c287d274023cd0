import { anyAreaCovers } from '../areas.js';
import { KEY_ACTIVE, LEAF_ACTIVE, LEAF_COUNT, LEAF_TOTAL } from './network-codes.js';

// Which aggregate keys each pledge feeds (by capability and area, by party, by party and capability), and the
// (key, party) slots that hold each party's own part of a total()/count() key. Slots are numbered per party in
// one pass over the pledges grouped by party, with scratch arrays instead of hash maps.


export interface FeedInput {
  partyIds: readonly string[];
  capabilityIds: readonly string[];
  areaLists: readonly (readonly string[])[];
  areaIds: readonly string[];
  pledgeParty: Int32Array;
  pledgeCapability: Int32Array;
  pledgeAreas: Int32Array;
  rootNode: Int32Array;
  leafType: Uint8Array;
  leafRef: Int32Array;
  /** Updated in place: the own-feed bit of active leaves. */
  leafAux: Int32Array;
  thresholdBound: Float64Array;
  keyCount: number;
  keyType: Uint8Array;
  keyBucket: Int32Array;
  keyCapability: Int32Array;
  keyArea: Int32Array;
}

export interface Feeds {
  /** CSR over pledges into `feed`. */
  feedStart: Int32Array;
  /** Per entry: an own-part slot (>= 0) of a total/count key, whose key is slotKey[slot]; or -1 - key for an active() key. */
  feed: Int32Array;
  /** Per own-part slot, its total/count key. */
  slotKey: Int32Array;
  slotCount: number;
  thresholdSlot: Int32Array;
}

/** What each pledge feeds (keys, own-part slots), each threshold's own slot, and the own-feed bit of active leaves. */
export function buildFeeds(input: FeedInput): Feeds {
  const { feedStart, feedKey } = listFeeds(input);
  return slotFeeds(input, feedStart, feedKey);
}

/** Feeds from the keys each pledge feeds (CSR over pledges, in the order listFeeds lists them): slots, own-feed bits. */
export function slotFeeds(input: FeedInput, feedStart: Int32Array, feedKey: Int32Array): Feeds {
  const feedSlot = new Int32Array(feedKey.length).fill(-1);
  const thresholdSlot = new Int32Array(input.thresholdBound.length).fill(-1);
  const byParty = pledgesByParty(input.pledgeParty, input.partyIds.length);
  const slotCount = assignSlots(input, { feedStart, feedKey, feedSlot, thresholdSlot }, byParty);
  return { feedStart, ...packFeeds(feedKey, feedSlot, slotCount), slotCount, thresholdSlot };
}

/** The key a feed entry adds to (Feeds.feed). */
export function keyOfFeed(entry: number, slotKey: Int32Array): number {
  return entry < 0 ? -1 - entry : (slotKey[entry] as number);
}

// One entry per feed instead of a (key, slot) pair: a slot belongs to one key, so the slot alone says both, in half
// the bytes (20 MB less at 10^6 pledges). Feeding then reads slotKey per entry; since pledges and slots are both
// numbered by party, those reads stay within the party's block, and the runs are as fast or faster (docs/performance.md).
function packFeeds(feedKey: Int32Array, feedSlot: Int32Array, slotCount: number): { feed: Int32Array; slotKey: Int32Array } {
  const feed = new Int32Array(feedKey.length);
  const slotKey = new Int32Array(slotCount);
  for (let f = 0; f < feed.length; f++) {
    const k = feedKey[f] as number;
    const slot = feedSlot[f] as number;
    if (slot < 0) {
      feed[f] = -1 - k;
    } else {
      feed[f] = slot;
      slotKey[slot] = k;
    }
  }
  return { feed, slotKey };
}

// Two passes over the pledges (count, then fill), reading only typed arrays.
function listFeeds(input: FeedInput): { feedStart: Int32Array; feedKey: Int32Array } {
  const index = new KeyIndex(input);
  const count = input.pledgeParty.length;
  const feedStart = new Int32Array(count + 1);
  for (let p = 0; p < count; p++) feedStart[p + 1] = (feedStart[p] as number) + index.visit(p, undefined, 0);
  const feedKey = new Int32Array(feedStart[count] as number);
  for (let p = 0; p < count; p++) index.visit(p, feedKey, feedStart[p] as number);
  return { feedStart, feedKey };
}

/** The keys a pledge of this party, capability and area list feeds, in the order listFeeds lists them. */
export function listPledgeFeeds(index: KeyIndex, party: number, capability: number, areas: number): Int32Array {
  const keys = new Int32Array(index.visitPledge(party, capability, areas, undefined, 0));
  index.visitPledge(party, capability, areas, keys, 0);
  return keys;
}

/** Keys by capability (total/count) and by party (active), with a cache of which area lists cover which areas. */
export class KeyIndex {
  private readonly byCapability: { start: Int32Array; keys: Int32Array };
  private readonly byParty: { start: Int32Array; keys: Int32Array };
  private readonly areaCount: number;
  /** Per (area list, area): 0 unknown, 1 not covered, 2 covered. */
  private readonly covered: Uint8Array;

  constructor(private readonly input: FeedInput) {
    const isActive = (k: number): boolean => input.keyType[k] === KEY_ACTIVE;
    this.byCapability = groupKeys(input.keyBucket, input.capabilityIds.length, (k) => !isActive(k));
    this.byParty = groupKeys(input.keyBucket, input.partyIds.length, isActive);
    this.areaCount = input.areaIds.length;
    this.covered = new Uint8Array(input.areaLists.length * this.areaCount);
  }

  /** Write pledge p's keys into `out` from `at` (when given); returns how many there are. */
  visit(p: number, out: Int32Array | undefined, at: number): number {
    return this.visitPledge(this.input.pledgeParty[p] as number, this.input.pledgeCapability[p] as number, this.input.pledgeAreas[p] as number, out, at);
  }

  /** As visit, for a pledge given by its party, capability and area list. */
  visitPledge(party: number, capability: number, areas: number, out: Int32Array | undefined, at: number): number {
    let written = 0;
    const byCapability = this.byCapability;
    for (let i = byCapability.start[capability] as number; i < (byCapability.start[capability + 1] as number); i++) {
      const k = byCapability.keys[i] as number;
      const area = this.input.keyArea[k] as number;
      if (area >= 0 && !this.covers(areas, area)) continue;
      if (out) out[at + written] = k;
      written++;
    }
    const byParty = this.byParty;
    for (let i = byParty.start[party] as number; i < (byParty.start[party + 1] as number); i++) {
      const k = byParty.keys[i] as number;
      const needs = this.input.keyCapability[k] as number;
      if (needs !== -1 && needs !== capability) continue;
      if (out) out[at + written] = k;
      written++;
    }
    return written;
  }

  private covers(areas: number, area: number): boolean {
    const cell = areas * this.areaCount + area;
    if (this.covered[cell] === 0) {
      const list = this.input.areaLists[areas] as readonly string[];
      this.covered[cell] = anyAreaCovers(list, this.input.areaIds[area] as string) ? 2 : 1;
    }
    return this.covered[cell] === 2;
  }
}

/** CSR of the keys accepted by `include`, by bucket (keys with bucket -1 are left out). */
function groupKeys(keyBucket: Int32Array, bucketCount: number, include: (k: number) => boolean): { start: Int32Array; keys: Int32Array } {
  const start = new Int32Array(bucketCount + 1);
  for (let k = 0; k < keyBucket.length; k++) if (include(k) && (keyBucket[k] as number) >= 0) start[(keyBucket[k] as number) + 1]! += 1;
  for (let b = 0; b < bucketCount; b++) start[b + 1]! += start[b] as number;
  const fill = start.slice(0, bucketCount);
  const keys = new Int32Array(start[bucketCount] as number);
  for (let k = 0; k < keyBucket.length; k++) if (include(k) && (keyBucket[k] as number) >= 0) keys[fill[keyBucket[k] as number]!++] = k;
  return { start, keys };
}

interface SlotOutput {
  feedStart: Int32Array;
  feedKey: Int32Array;
  /** Filled here for total/count entries (-1 stays for active keys). */
  feedSlot: Int32Array;
  thresholdSlot: Int32Array;
}

// One pass per party: a party's pledges share one slot per total/count key they feed. Leaves are marked once all
// of the party's slots exist. Returns the number of slots.
function assignSlots(input: FeedInput, out: SlotOutput, byParty: { start: Int32Array; order: Int32Array }): number {
  let slots = 0;
  const { keyCount, keyType } = input;
  const { feedStart, feedKey, feedSlot } = out;
  const context: LeafContext = {
    pledge: 0,
    party: 0,
    slotParty: new Int32Array(keyCount).fill(-1),
    slotOfKey: new Int32Array(keyCount),
    fedBy: new Int32Array(keyCount).fill(-1),
  };
  const { slotParty, slotOfKey } = context;
  const { start, order } = byParty;
  for (let r = 0; r < input.partyIds.length; r++) {
    context.party = r;
    for (let i = start[r] as number; i < (start[r + 1] as number); i++) {
      const p = order[i] as number;
      const end = feedStart[p + 1] as number;
      for (let f = feedStart[p] as number; f < end; f++) {
        const k = feedKey[f] as number;
        if (keyType[k] === KEY_ACTIVE) continue;
        if (slotParty[k] !== r) {
          slotParty[k] = r;
          slotOfKey[k] = slots++;
        }
        feedSlot[f] = slotOfKey[k] as number;
      }
    }
    for (let i = start[r] as number; i < (start[r + 1] as number); i++) {
      context.pledge = order[i] as number;
      markLeaves(input, out, context);
    }
  }
  return slots;
}

interface LeafContext {
  pledge: number;
  party: number;
  slotParty: Int32Array;
  slotOfKey: Int32Array;
  fedBy: Int32Array;
}

// A pledge's thresholds get their party's own slot; its active leaves the bit saying the pledge feeds the key.
function markLeaves(input: FeedInput, out: SlotOutput, context: LeafContext): void {
  const { pledge, party, slotParty, slotOfKey, fedBy } = context;
  const { rootNode, leafType, leafRef, leafAux } = input;
  const { feedStart, feedKey, feedSlot, thresholdSlot } = out;
  for (let f = feedStart[pledge] as number; f < (feedStart[pledge + 1] as number); f++) {
    if (feedSlot[f] === -1) fedBy[feedKey[f] as number] = pledge;
  }
  const first = pledge === 0 ? 0 : (rootNode[pledge - 1] as number) + 1;
  const root = rootNode[pledge] as number;
  for (let n = first; n <= root; n++) {
    const type = leafType[n] as number;
    const k = leafRef[n] as number;
    if (type === LEAF_TOTAL || type === LEAF_COUNT) {
      thresholdSlot[leafAux[n] as number] = slotParty[k] === party ? (slotOfKey[k] as number) : -1;
    } else if (type === LEAF_ACTIVE && fedBy[k] === pledge) {
      leafAux[n]! |= 1;
    }
  }
}

/** Pledge indices grouped by party (CSR), in pledge order within a party. */
export function pledgesByParty(pledgeParty: Int32Array, partyCount: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(partyCount + 1);
  for (let p = 0; p < pledgeParty.length; p++) start[(pledgeParty[p] as number) + 1]! += 1;
  for (let r = 0; r < partyCount; r++) start[r + 1]! += start[r] as number;
  const fill = start.slice(0, partyCount);
  const order = new Int32Array(pledgeParty.length);
  for (let p = 0; p < pledgeParty.length; p++) order[fill[pledgeParty[p] as number]!++] = p;
  return { start, order };
}
