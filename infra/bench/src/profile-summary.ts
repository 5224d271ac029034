import { readFileSync } from 'node:fs';

/**
 * `npm run -s profile-summary -- <file.cpuprofile> [seconds]`: where a process spent its CPU in a
 * V8 profile (`BENCH_CPU_PROFILE_DIR=… npm run bench -- dashboard` writes one per service), over
 * its last `seconds` before the final second (the load, not the start; 20 by default): self time
 * by package, then the functions that took the most. The profiler samples wall time, so time a
 * process spent preempted on a busy machine shows in the frame it was in (often a write).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [file, seconds = '20'] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [seconds]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const from = profile.endTime - (Number(seconds) + 1) * 1e6;
const to = profile.endTime - 1e6;

const packageOf = ({ functionName, url }: ProfileNode['callFrame']) => {
  if (functionName === '(garbage collector)' || functionName === '(program)') return functionName;
  if (!url) return '(native)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1]!;
  const ours = /\/((?:infra|subgraphs)\/[^/]+|gateway)\//.exec(url);
  if (ours) return ours[1]!;
  return url.startsWith('node:') ? 'node' : url;
};
const frameOf = ({ functionName, url, lineNumber }: ProfileNode['callFrame']) =>
  `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(/.*\/(infra|subgraphs|gateway)\//, '$1/')}:${lineNumber + 1}`;

const byPackage = new Map<string, number>();
const byFrame = new Map<string, number>();
let busy = 0;
let time = profile.startTime;
profile.samples.forEach((id, index) => {
  time += profile.timeDeltas[index] ?? 0;
  const frame = nodes.get(id)!.callFrame;
  if (time < from || time > to || frame.functionName === '(idle)') return;
  const spent = profile.timeDeltas[index + 1] ?? 0;
  busy += spent;
  byPackage.set(packageOf(frame), (byPackage.get(packageOf(frame)) ?? 0) + spent);
  byFrame.set(frameOf(frame), (byFrame.get(frameOf(frame)) ?? 0) + spent);
});
const top = (totals: Map<string, number>, count: number) =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, spent]) => `${((100 * spent) / busy).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n');
console.log(`${file}: ${(busy / 1e6).toFixed(2)} s busy over the last ${seconds} s`);
console.log(`\nSelf time by package\n${top(byPackage, 15)}\n\nSelf time by function\n${top(byFrame, 25)}`);
