#!/usr/bin/env node
// The benchmark (not a test): runs `mvn verify` N times for the scenarios Maven's arguments select
// and prints the median of each phase, so anyone can see where a run's time goes.
//
//   node src/bench/bench.mjs [--runs N] [--out FILE] [-- <mvn verify arguments>]
//   node src/bench/bench.mjs --runs 5 -- -Dcucumber.filter.tags=@smoke
//   node src/bench/bench.mjs --runs 7 -- "-Dcucumber.filter.name=A returning user signs in and lands on the dashboard" -Ddoctor.skip=true
//
// Every number comes from what the run itself wrote: the command's start, reports/logs/harness.log
// (stack parts, run start, preflight), reports/allure-results (each scenario's start and end) and
// reports/local-stack/appium.log (each session's creation, commands and end). Other processes on
// the machine slow every phase: compare numbers taken side by side, not across days.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const reports = join(project, 'reports');

function parseArgs(argv) {
  const options = { runs: 5, out: join(project, 'target/bench/bench.json'), maven: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') {
      options.maven = argv.slice(i + 1);
      break;
    } else if (argv[i] === '--runs') {
      options.runs = Number(argv[++i]);
    } else if (argv[i] === '--out') {
      options.out = resolve(argv[++i]);
    } else {
      throw new Error(`bench: unknown option '${argv[i]}'; usage: node src/bench/bench.mjs [--runs N] [--out FILE] [-- <mvn verify arguments>]`);
    }
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) {
    throw new Error('bench: --runs takes a whole number of 1 or more');
  }
  return options;
}

// harness.log: "2026-11-27 13:46:11,791 [main] INFO  io.authflow… - message"
function harnessLog() {
  const file = join(reports, 'logs/harness.log');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').flatMap((line) => {
    const m = line.match(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3}) .*? - (.*)$/);
    return m ? [{ at: Date.parse(`${m[1]}T${m[2]}.${m[3]}`), text: m[4] }] : [];
  });
}

// appium.log: "2026-11-27 13:58:07:566 [2a4b2b7b][HTTP] --> POST /session/…"
function appiumRequests() {
  const file = join(reports, 'local-stack/appium.log');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').flatMap((line) => {
    const m = line.match(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d):(\d{3}) .*\[HTTP\] (-->|<--) (\w+) (\S+)(?: (\d{3}) (\d+) ms)?/);
    if (!m) return [];
    return [{ at: Date.parse(`${m[1]}T${m[2]}.${m[3]}`), dir: m[4], method: m[5], path: m[6], took: m[8] ? Number(m[8]) : undefined }];
  });
}

function scenarios() {
  const dir = join(reports, 'allure-results');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
    .filter((r) => (r.labels || []).some((l) => l.name === 'framework' && l.value.startsWith('cucumber')))
    .sort((a, b) => a.start - b.start);
}

// One session per scenario: created inside the scenario's time span, with its commands and end.
function sessionsOf(scenario, requests) {
  // Appium's log and Allure's results both stamp milliseconds of the same clock.
  const within = requests.filter((r) => r.at >= scenario.start && r.at <= scenario.stop + 5);
  const created = within.filter((r) => r.method === 'POST' && r.path === '/session');
  return created.filter((r) => r.dir === '-->').map((request) => {
    const answer = created.find((r) => r.dir === '<--' && r.at >= request.at);
    const commands = within.filter((r) => r.at > (answer?.at ?? request.at) && /^\/session\/[^/]+\/.+/.test(r.path));
    const isEnd = (r) => r.method === 'DELETE' && /^\/session\/[^/]+$/.test(r.path);
    const endRequest = within.find((r) => r.dir === '-->' && isEnd(r));
    const end = within.find((r) => r.dir === '<--' && isEnd(r));
    const lastCommand = commands.filter((r) => r.dir === '<--' && !isEnd(r) && (!endRequest || r.at <= endRequest.at)).at(-1);
    return {
      beforeSession: request.at - scenario.start,
      sessionStart: answer ? answer.at - request.at : undefined,
      toFirstCommand: commands[0] && answer ? commands[0].at - answer.at : undefined,
      journey: commands[0] && lastCommand ? lastCommand.at - commands[0].at : undefined,
      toSessionEnd: endRequest && lastCommand ? endRequest.at - lastCommand.at : undefined,
      sessionEnd: end?.took,
      afterSessionEnd: end ? scenario.stop - end.at : undefined,
    };
  });
}

function measure(options, run) {
  const started = Date.now();
  const mvn = spawnSync('mvn', ['-B', 'verify', ...options.maven], { cwd: project, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ended = Date.now();
  if (mvn.error) throw new Error(`bench: cannot run mvn: ${mvn.error.message}`);
  // What an earlier run left (a build that failed before the features) is not this run's.
  const log = harnessLog().filter((line) => line.at >= started);
  const all = scenarios().filter((s) => s.start >= started);
  if (mvn.status !== 0) console.error(mvn.stdout.split('\n').slice(-40).join('\n'));
  const phases = { 'mvn verify, whole command (s)': (ended - started) / 1000 };
  if (all.length) phases['command to first scenario (s)'] = (all[0].start - started) / 1000;
  let lastPart;
  for (const line of log) {
    const part = line.text.match(/^Local stack: (\S+) ready in (\d+) ms/);
    if (part) {
      phases[`stack: ${part[1]} (ms)`] = Number(part[2]);
      lastPart = Math.max(lastPart ?? 0, line.at);
    }
    if (/^Run start:/.test(line.text) && lastPart) phases['run start after the stack: pool, sweep (ms)'] = line.at - lastPart;
    const preflight = line.text.match(/^Preflight: all \d+ checks passed in (\d+) ms/);
    if (preflight) phases['preflight (ms)'] = Number(preflight[1]);
  }
  const requests = appiumRequests();
  const perScenario = all.map((s) => ({ name: s.name, status: s.status, total: s.stop - s.start, sessions: sessionsOf(s, requests) }));
  const first = (pick) => perScenario.flatMap((s) => s.sessions.map(pick)).filter((v) => v !== undefined);
  const add = (name, values) => { if (values.length) phases[name] = median(values); };
  add('scenario: start to session request (ms)', first((s) => s.beforeSession));
  add('scenario: session start, Appium (ms)', first((s) => s.sessionStart));
  add('scenario: session created to first command (ms)', first((s) => s.toFirstCommand));
  add('scenario: journey, first to last command (ms)', first((s) => s.journey));
  add('scenario: last command to session end request (ms)', first((s) => s.toSessionEnd));
  add('scenario: session end, Appium (ms)', first((s) => s.sessionEnd));
  add('scenario: session end to scenario end (ms)', first((s) => s.afterSessionEnd));
  add('scenario: whole (ms)', perScenario.map((s) => s.total));
  const failed = perScenario.filter((s) => s.status !== 'passed').map((s) => s.name);
  console.error(`run ${run}/${options.runs}: exit ${mvn.status}, ${all.length} scenario(s)${failed.length ? `, not passed: ${failed.join('; ')}` : ''}, load ${readLoad()}`);
  return { phases, scenarios: perScenario, exit: mvn.status, load: readLoad() };
}

function readLoad() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  } catch {
    return 'n/a';
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function table(runs) {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.phases)))];
  const rows = names.map((name) => {
    const values = runs.map((r) => r.phases[name]).filter((v) => v !== undefined);
    const fmt = (v) => (name.endsWith('(s)') ? v.toFixed(1) : String(Math.round(v)));
    return [name, fmt(median(values)), `${fmt(Math.min(...values))}–${fmt(Math.max(...values))}`, String(values.length)];
  });
  const header = ['phase', 'median', 'range', 'runs'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

const options = parseArgs(process.argv.slice(2));
const runs = [];
for (let i = 1; i <= options.runs; i++) runs.push(measure(options, i));
mkdirSync(dirname(options.out), { recursive: true });
writeFileSync(options.out, JSON.stringify({ maven: options.maven, runs }, null, 2));
console.log(`mvn verify ${options.maven.join(' ')}: medians of ${runs.length} run(s); raw numbers in ${relative(project, options.out)}\n`);
console.log(table(runs));
process.exitCode = runs.some((r) => r.exit !== 0) ? 1 : 0;
