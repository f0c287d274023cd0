import { coversArea } from '../areas.js';
import type { ActivationPledge, AggregateKey } from './compile-network.js';

// Which aggregate keys each pledge feeds (by capability and area, by party, by party and capability), and the
// (key, party) slots that hold each party's own part of a total()/count() key. Slots are numbered per party in
// one pass over the pledges grouped by party, with scratch arrays instead of hash maps.

const KEY_ACTIVE = 2;
const LEAF_TOTAL = 4;
const LEAF_COUNT = 5;
const LEAF_ACTIVE = 6;

export interface FeedInput {
  pledges: readonly ActivationPledge[];
  partyIds: readonly string[];
  pledgeParty: Int32Array;
  rootNode: Int32Array;
  leafType: Uint8Array;
  leafRef: Int32Array;
  keys: readonly AggregateKey[];
  keyType: Uint8Array;
}

export interface Feeds {
  feedStart: Int32Array;
  feedKey: Int32Array;
  feedSlot: Int32Array;
  slotCount: number;
  leafSlot: Int32Array;
  leafOwnFeed: Uint8Array;
}

/** The keys each pledge feeds, the own-part slots, and per leaf its own slot / whether its pledge feeds it. */
export function buildFeeds(input: FeedInput): Feeds {
  const { feedStart, feedKey } = listFeeds(input);
  const nodeCount = input.leafType.length;
  const feeds: Feeds = {
    feedStart,
    feedKey,
    feedSlot: new Int32Array(feedKey.length).fill(-1),
    slotCount: 0,
    leafSlot: new Int32Array(nodeCount).fill(-1),
    leafOwnFeed: new Uint8Array(nodeCount),
  };
  assignSlots(input, feeds);
  return feeds;
}

function listFeeds(input: FeedInput): { feedStart: Int32Array; feedKey: Int32Array } {
  const { pledges, keys } = input;
  const byCapability = new Map<string, number[]>();
  const byParty = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const active = key.type === KEY_ACTIVE;
    appendTo(active ? byParty : byCapability, (active ? key.party : key.capability) as string, index);
  });
  const areaCover = new AreaCover(keys);
  const feedStart = new Int32Array(pledges.length + 1);
  let feedKey = new Int32Array(Math.max(16, pledges.length * 4));
  let length = 0;
  const push = (key: number): void => {
    if (length === feedKey.length) {
      const grown = new Int32Array(feedKey.length * 2);
      grown.set(feedKey);
      feedKey = grown;
    }
    feedKey[length++] = key;
  };
  for (let p = 0; p < pledges.length; p++) {
    const pledge = pledges[p] as ActivationPledge;
    const byArea = byCapability.get(pledge.capability);
    if (byArea !== undefined) {
      areaCover.select(pledge.areas);
      for (const k of byArea) if (areaCover.covers(k)) push(k);
    }
    for (const k of byParty.get(pledge.party) ?? []) {
      const capability = (keys[k] as AggregateKey).capability;
      if (capability === undefined || capability === pledge.capability) push(k);
    }
    feedStart[p + 1] = length;
  }
  return { feedStart, feedKey: feedKey.slice(0, length) };
}

/** Area coverage with a cache per allowed area: whether a pledge's areas cover a total(…, area=…) key. */
class AreaCover {
  private readonly targetOf: Int32Array;
  private readonly targets: string[] = [];
  private readonly rows = new Map<string, Uint8Array>();
  private first: Uint8Array | undefined;
  private second: Uint8Array | undefined;
  private rest: Uint8Array[] = [];

  constructor(keys: readonly AggregateKey[]) {
    const ordinal = new Map<string, number>();
    this.targetOf = Int32Array.from(keys, (key) => {
      if (key.type === KEY_ACTIVE || key.area === undefined) return -1;
      let index = ordinal.get(key.area);
      if (index === undefined) {
        index = this.targets.length;
        ordinal.set(key.area, index);
        this.targets.push(key.area);
      }
      return index;
    });
  }

  /** Select the pledge whose areas `covers` tests next. */
  select(allowed: readonly string[]): void {
    this.first = this.row(allowed[0]);
    this.second = allowed.length > 1 ? this.row(allowed[1]) : undefined;
    this.rest = allowed.length > 2 ? allowed.slice(2).map((area) => this.row(area) as Uint8Array) : [];
  }

  /** True when key `key` has no area or one of the selected pledge's areas covers it. */
  covers(key: number): boolean {
    const target = this.targetOf[key] as number;
    if (target < 0) return true;
    if (this.first?.[target] === 1 || this.second?.[target] === 1) return true;
    return this.rest.some((row) => row[target] === 1);
  }

  private row(allowed: string | undefined): Uint8Array | undefined {
    if (allowed === undefined) return undefined;
    let row = this.rows.get(allowed);
    if (row === undefined) {
      row = Uint8Array.from(this.targets, (target) => (coversArea(allowed, target) ? 1 : 0));
      this.rows.set(allowed, row);
    }
    return row;
  }
}

// One pass per party: a party's pledges share one slot per total/count key they feed.
function assignSlots(input: FeedInput, feeds: Feeds): void {
  const keyCount = input.keys.length;
  const slotParty = new Int32Array(keyCount).fill(-1);
  const slotOfKey = new Int32Array(keyCount);
  const fedBy = new Int32Array(keyCount).fill(-1);
  const byParty = pledgesByParty(input.pledgeParty, input.partyIds.length);
  for (let r = 0; r < input.partyIds.length; r++) {
    for (let i = byParty.start[r] as number; i < (byParty.start[r + 1] as number); i++) {
      const p = byParty.order[i] as number;
      for (let f = feeds.feedStart[p] as number; f < (feeds.feedStart[p + 1] as number); f++) {
        const k = feeds.feedKey[f] as number;
        if (input.keyType[k] === KEY_ACTIVE) continue;
        if (slotParty[k] !== r) {
          slotParty[k] = r;
          slotOfKey[k] = feeds.slotCount++;
        }
        feeds.feedSlot[f] = slotOfKey[k] as number;
      }
    }
    for (let i = byParty.start[r] as number; i < (byParty.start[r + 1] as number); i++) {
      const p = byParty.order[i] as number;
      for (let f = feeds.feedStart[p] as number; f < (feeds.feedStart[p + 1] as number); f++) fedBy[feeds.feedKey[f] as number] = p;
      markLeaves(input, feeds, { pledge: p, party: r, slotParty, slotOfKey, fedBy });
    }
  }
}

interface LeafContext {
  pledge: number;
  party: number;
  slotParty: Int32Array;
  slotOfKey: Int32Array;
  fedBy: Int32Array;
}

function markLeaves(input: FeedInput, feeds: Feeds, context: LeafContext): void {
  const { pledge, party } = context;
  const first = pledge === 0 ? 0 : (input.rootNode[pledge - 1] as number) + 1;
  for (let n = first; n <= (input.rootNode[pledge] as number); n++) {
    const type = input.leafType[n] as number;
    const k = input.leafRef[n] as number;
    if (type === LEAF_TOTAL || type === LEAF_COUNT) {
      feeds.leafSlot[n] = context.slotParty[k] === party ? (context.slotOfKey[k] as number) : -1;
    } else if (type === LEAF_ACTIVE) {
      feeds.leafOwnFeed[n] = context.fedBy[k] === pledge ? 1 : 0;
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

function appendTo(map: Map<string, number[]>, name: string, value: number): void {
  const list = map.get(name);
  if (list) list.push(value);
  else map.set(name, [value]);
}
