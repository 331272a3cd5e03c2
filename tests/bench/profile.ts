// Where a round's time goes (`npm run bench -- --profile`): for each profiled click on "End
// quarter", a CPU profile (CDP Profiler, 50 µs sampling) and a main-thread trace (CDP Tracing),
// both cut to the window from the click to the end of the rendering of the frame after it. The
// build is unminified with source maps, so samples are attributed to source files: the innermost
// file under src/ on the stack is the component or module that caused the work (Svelte's runtime
// and d3 running on its behalf count for it); the rest is the framework on its own (the scheduler,
// DOM reconciliation). Figures only; the profiler slows what it samples, so compare proportions.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface RoundProfile {
  quarter: number;
  /** Click → painted, as timed in the page while recording (inflated by the recording). */
  painted: number;
  profile: CpuProfile;
  trace: TraceEvent[];
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

export function analyseRound(
  recording: { profile: unknown; trace: unknown[] },
  painted: number,
  quarter: number,
): RoundProfile {
  return {
    quarter,
    painted,
    profile: recording.profile as CpuProfile,
    trace: recording.trace as TraceEvent[],
  };
}

// ------------------------------------------------------------------ source maps

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

type Segment = [column: number, source: number, line: number];

/** Per generated line, each mapping segment's column, source index and source line (VLQ). */
function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let sourceLine = 0;
  for (const line of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = B64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length > 3) {
        source += values[1] ?? 0;
        sourceLine += values[2] ?? 0;
        segments.push([column, source, sourceLine]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

interface Place {
  /** "src/ui/chart/Series.svelte", "svelte", "d3", "(native)" or the bundle file. */
  file: string;
  /** 1-based line in that source, when known. */
  line: number | null;
}

/** Maps a bundle position (0-based line and column) to its source file and line. */
function sourceMapper(assetsDir: string): (url: string, line: number, column: number) => Place {
  const maps = new Map<string, { sources: string[]; lines: Segment[][] } | null>();
  const load = (file: string) => {
    if (maps.has(file)) return maps.get(file) ?? null;
    let map: { sources: string[]; lines: Segment[][] } | null;
    try {
      const raw = JSON.parse(readFileSync(join(assetsDir, `${file}.map`), 'utf8')) as {
        sources: string[];
        mappings: string;
      };
      map = { sources: raw.sources.map(readable), lines: decodeMappings(raw.mappings) };
    } catch {
      map = null; // no source map: the bundle file's name stands for its code
    }
    maps.set(file, map);
    return map;
  };
  return (url, line, column) => {
    if (!url) return { file: '(native)', line: null };
    const file = url.split('/').pop() ?? url;
    const map = load(file);
    const segments = map?.lines[line];
    if (!map || !segments?.length) return { file, line: null };
    let found = segments[0]!;
    for (const segment of segments) {
      if (segment[0] > column) break;
      found = segment;
    }
    return { file: map.sources[found[1]] ?? file, line: found[2] + 1 };
  };
}

/** "…/node_modules/svelte/src/…" → "svelte"; "…/src/ui/chart/Series.svelte" → that path. */
function readable(source: string): string {
  const path = source.replace(/\\/g, '/');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? path);
    return pkg.startsWith('d3-') ? 'd3' : pkg;
  }
  const src = path.lastIndexOf('src/');
  return src >= 0 ? path.slice(src) : path;
}

// ------------------------------------------------------------------ summary

export interface ProfileSummary {
  rounds: number;
  quarters: number[];
  /** Mean milliseconds per round, largest first. */
  mainThread: [string, number][];
  traceEvents: [string, number][];
  /** CPU samples by the innermost src/ file on the stack (mean ms per round). */
  bySourceFile: [string, number][];
  /** CPU samples by the innermost frame's package or file (self time, natives to their caller). */
  bySelf: [string, number][];
  /** Samples in Svelte component files, by source line (the innermost component frame). */
  hotFunctions: [string, number][];
  /** Self time in Svelte's runtime, by function (what the framework itself spends it on). */
  svelteFunctions: [string, number][];
}

const BUCKETS: [string, RegExp][] = [
  ['garbage collection', /GC|Sweep|Scavenge|Finalize/],
  ['style', /UpdateLayoutTree|RecalculateStyles|RecalcStyle|ParseAuthorStyleSheet|Style/],
  ['layout', /Layout|HitTest|IntersectionObserver|ResizeObserver/],
  ['paint and compositing', /Paint|Layerize|Commit|Composit|UpdateLayer|Raster|Draw|Frame/],
  [
    'JavaScript',
    /FunctionCall|EventDispatch|RunMicrotasks|Animation|Timer|v8|V8|Script|Compile|Evaluate/,
  ],
];

/** Names of the trace events that are a whole task of the main thread's event loop. */
const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/**
 * The page's main thread and the round's window on it, in trace time (µs): from the bench's
 * "bench-click" mark (at the click event's time stamp) to the end of the frame that shows the
 * change: the end of the task that ran the bench's frame callback ("bench-frame"), the task in
 * which that frame's style, layout, paint and commit are done. Without that mark, the window
 * ends at "bench-painted", the message posted from the frame callback; but the browser may run
 * other tasks before that message (a timer the page set for after the frame, the next animation
 * frame), so it can count work done after the frame was painted.
 */
function mainThreadWindow(trace: TraceEvent[], painted: number, untilMessage = false) {
  const click = trace.find((e) => e.name === 'bench-click');
  const frame = trace.find((e) => e.name === 'bench-frame');
  const done = trace.find((e) => e.name === 'bench-painted');
  const thread = click ? `${click.pid}:${click.tid}` : null;
  const events = trace
    .filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const start = click?.ts ?? 0;
  const frameTask =
    frame && !untilMessage
      ? events.find((e) => TASKS.has(e.name) && e.ts <= frame.ts && frame.ts <= e.ts + (e.dur ?? 0))
      : undefined;
  const end = frameTask
    ? frameTask.ts + (frameTask.dur ?? 0)
    : (done?.ts ?? start + painted * 1000);
  return { events, start, end };
}

/** Click → the end of the frame that shows the change (ms), from the trace; null if not found. */
export function paintedFromTrace(trace: TraceEvent[]): number | null {
  if (!trace.some((e) => e.name === 'bench-frame')) return null;
  const { start, end } = mainThreadWindow(trace, 0);
  return (end - start) / 1000;
}

/**
 * Self time per trace event name inside [start, end) (µs): wall time, or with `cpu` thread time
 * (an event's thread time, spread evenly over its wall time, less its children's).
 */
function selfTimes(
  events: TraceEvent[],
  start: number,
  end: number,
  cpu = false,
): Map<string, number> {
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; children: number }[] = [];
  const part = (e: TraceEvent, from: number, to: number) => {
    const dur = e.dur ?? 0;
    const time = cpu ? (e.tdur ?? dur) : dur;
    return dur > 0 ? (time * (to - from)) / dur : 0;
  };
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.end <= until) {
      const top = stack.pop()!;
      const from = Math.max(start, top.e.ts);
      const to = Math.min(end, top.end);
      const inside = Math.max(0, part(top.e, from, to));
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + Math.max(0, inside - top.children));
      const parent = stack.at(-1);
      if (parent) parent.children += inside;
    }
  };
  for (const e of events) {
    const eEnd = e.ts + (e.dur ?? 0);
    if (eEnd <= start || e.ts >= end) continue;
    close(e.ts);
    stack.push({ e, end: eEnd, children: 0 });
  }
  close(Infinity);
  return self;
}

function bucketOf(name: string): string {
  return BUCKETS.find(([, re]) => re.test(name))?.[0] ?? 'other';
}

export interface MainThreadCpu {
  /** Milliseconds of CPU the page's main thread used from the click to painted. */
  total: number;
  /** The same by kind of work: JavaScript, style, layout, paint and compositing, … */
  byKind: Record<string, number>;
}

/**
 * The main thread's CPU time in one click's trace (see mainThreadWindow); `untilMessage`: up to
 * the message posted after the frame, as the bench measured before.
 */
export function mainThreadCpu(
  trace: TraceEvent[],
  options: { untilMessage?: boolean } = {},
): MainThreadCpu {
  const { events, start, end } = mainThreadWindow(trace, 0, options.untilMessage);
  const byKind: Record<string, number> = {};
  let total = 0;
  for (const [name, us] of selfTimes(events, start, end, true)) {
    const kind = bucketOf(name);
    byKind[kind] = (byKind[kind] ?? 0) + us / 1000;
    total += us / 1000;
  }
  return { total, byKind };
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function top(map: Map<string, number>, n: number, per: number): [string, number][] {
  return [...map]
    .map(([k, v]): [string, number] => [k, v / per / 1000])
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
}

export function summariseProfiles(rounds: RoundProfile[], assetsDir: string): ProfileSummary {
  const source = sourceMapper(assetsDir);
  const mainThread = new Map<string, number>();
  const traceEvents = new Map<string, number>();
  const bySourceFile = new Map<string, number>();
  const bySelf = new Map<string, number>();
  const hot = new Map<string, number>();
  const svelte = new Map<string, number>();
  const count = Math.max(1, rounds.length);

  for (const round of rounds) {
    const { events, start, end } = mainThreadWindow(round.trace, round.painted);
    for (const [name, us] of selfTimes(events, start, end)) {
      add(traceEvents, name, us);
      add(mainThread, bucketOf(name), us);
    }

    const p = round.profile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const placeOf = new Map<number, Place>();
    const place = (n: ProfileNode) => {
      let found = placeOf.get(n.id);
      if (found === undefined) {
        const c = n.callFrame;
        found = source(c.url, c.lineNumber, c.columnNumber);
        placeOf.set(n.id, found);
      }
      return found;
    };
    const file = (n: ProfileNode) => place(n).file;
    let t = p.startTime;
    for (let i = 0; i < p.samples.length; i++) {
      t += p.timeDeltas[i] ?? 0;
      const dt = p.timeDeltas[i + 1] ?? 0;
      if (t < start || t >= end) continue;
      let node = byId.get(p.samples[i]!);
      const name = node?.callFrame.functionName ?? '';
      if (!node || name === '(idle)' || name === '(program)') continue;
      if (name === '(garbage collector)') {
        add(bySourceFile, '(garbage collector)', dt);
        add(bySelf, '(garbage collector)', dt);
        continue;
      }
      // Self: the innermost frame with a source (a native call counts for its caller).
      let selfNode: ProfileNode | undefined = node;
      while (selfNode && file(selfNode) === '(native)')
        selfNode = byId.get(parent.get(selfNode.id)!);
      add(bySelf, selfNode ? file(selfNode) : '(native)', dt);
      if (selfNode && file(selfNode) === 'svelte')
        add(svelte, selfNode.callFrame.functionName || '(anonymous)', dt);
      // Innermost src/ file.
      let owner: string | null = null;
      while (node) {
        const f = file(node);
        if (f.startsWith('src/')) {
          owner = f;
          if (f.endsWith('.svelte')) {
            const { line } = place(node);
            const fn = node.callFrame.functionName || 'template';
            add(hot, `${f.split('/').pop()}:${line ?? '?'} (${fn})`, dt);
          }
          break;
        }
        node = byId.get(parent.get(node.id)!);
      }
      add(bySourceFile, owner ?? '(framework only: scheduler, DOM reconciliation)', dt);
    }
  }
  return {
    rounds: rounds.length,
    quarters: rounds.map((r) => r.quarter),
    mainThread: top(mainThread, 10, count),
    traceEvents: top(traceEvents, 14, count),
    bySourceFile: top(bySourceFile, 18, count),
    bySelf: top(bySelf, 10, count),
    hotFunctions: top(hot, 12, count),
    svelteFunctions: top(svelte, 10, count),
  };
}

/** The bundle's asset folder (for the source maps). */
export function assetsOf(outDir: string): string {
  return readdirSync(outDir).includes('assets') ? join(outDir, 'assets') : outDir;
}
