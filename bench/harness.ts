// The browser side of the benchmarks: what a case is, and the helpers cases
// share (fresh databases, a plain Dexie with our schema, frames, timing).
import Dexie from 'dexie';
import { schemaVersions } from '../src/store/database.js';
import { getStore, type CrmStore } from '../src/store/index.js';

/** How big the run is: `records` is the 10 000 / 100 000 scale, `smoke` a tiny CI run. */
export interface Scale {
  records: number;
  smoke: boolean;
}

/** One timed run of one variant. */
export interface Sample {
  /** The time the case measures, in milliseconds. */
  ms: number;
  /** Further measurements judged by the case's checks (p95, longest frame, DOM size…). */
  metrics?: Record<string, number>;
  /** What the variant computed, compared between variants so a floor never does less work. */
  result?: string;
}

/** "ours ÷ floor" judged on the median per-round ratio. */
export interface Comparison {
  floor: string;
  target: number;
}

/** An absolute bound on one metric of the `ours` variant, over all rounds. */
export interface Check {
  metric: string;
  /** `median` of the per-round values, or the worst (`max`) of them. */
  over: 'median' | 'max';
  max: number;
  label: string;
}

export interface BenchCase {
  id: string;
  title: string;
  /** Store cases run on each IndexedDB backend; rendering cases on the default one. */
  store: boolean;
  /** `ours` first, then the floors. */
  variants: readonly string[];
  compare: readonly Comparison[];
  checks?: readonly Check[];
  /** Prepares the data every variant reads (untimed), once per page. */
  setup(scale: Scale): Promise<void>;
  /** One timed run; prepares its own fresh state (untimed) before the clock starts. */
  run(variant: string): Promise<Sample>;
  teardown?(): Promise<void>;
}

let counter = 0;

/** A database name no other run uses. */
export function freshName(prefix: string): string {
  counter += 1;
  return `bench-${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** A plain Dexie database with the store's schema (no middleware, no validation): the floor for store cases. */
export function floorDatabase(name: string): Dexie {
  const db = new Dexie(name);
  for (const { version, stores } of schemaVersions) db.version(version).stores(stores);
  return db;
}

/** Our store on a fresh database (the one elements under `<crm-provider database=…>` get). */
export function freshStore(prefix: string): CrmStore {
  return getStore(freshName(prefix));
}

const stores: CrmStore[] = [];
const databases: Dexie[] = [];

/** Tracks a store or database so `dropAll` deletes it. */
export function track<T extends CrmStore | Dexie>(value: T): T {
  if (value instanceof Dexie) databases.push(value);
  else stores.push(value);
  return value;
}

/** Deletes every tracked database (between cases, so disk use stays flat). */
export async function dropAll(): Promise<void> {
  await Promise.all([...stores.splice(0).map((store) => store.delete()), ...databases.splice(0).map((db) => db.delete())]);
}

/** Collects garbage when Chromium was started with `--js-flags=--expose-gc`. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Resolves on the next animation frame. */
export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Resolves once the current work has been drawn: the next frame, then a task
 * after it (style, layout and paint of that frame are done by then).
 */
export async function painted(): Promise<void> {
  await nextFrame();
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });
}

/** Milliseconds `work` takes. */
export async function timed(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Waits until `condition` holds, checking every frame (fails after `timeout` ms). */
export async function until(condition: () => boolean, what: string, timeout = 60_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The p-th percentile (0–100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The longest frame while `work` runs (requestAnimationFrame intervals) and
 * the longest long animation frame (the browser's own measure of a frame's
 * work). The clock runs two frames before the work starts, so work done
 * synchronously at its start is inside a measured frame; only long animation
 * frames that end after the start count (the observer also delivers earlier ones).
 */
export async function frames(work: () => Promise<void>): Promise<{ longestFrame: number; longestAnimationFrame: number }> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'long-animation-frame', buffered: false });
  let longestFrame = 0;
  let last = 0;
  let running = true;
  const tick = (now: number) => {
    if (last) longestFrame = Math.max(longestFrame, now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  await nextFrame();
  requestAnimationFrame(tick);
  await nextFrame();
  await nextFrame();
  const start = performance.now();
  longestFrame = 0;
  try {
    await work();
    await painted();
  } finally {
    running = false;
    entries.push(...observer.takeRecords());
    observer.disconnect();
  }
  const during = entries.filter((entry) => entry.startTime + entry.duration > start);
  return { longestFrame, longestAnimationFrame: Math.max(0, ...during.map((entry) => entry.duration)) };
}

/** A stage on the page for rendering cases, of a fixed size, emptied between runs. */
export function stage(width = 1280, height = 800): HTMLElement {
  let host = document.getElementById('stage');
  if (!host) {
    host = document.createElement('div');
    host.id = 'stage';
    document.body.append(host);
  }
  host.replaceChildren();
  host.style.cssText = `width:${width}px;height:${height}px;overflow:hidden;position:relative`;
  return host;
}
