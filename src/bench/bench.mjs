#!/usr/bin/env node
// The benchmark (not a test). Two modes:
//
//   node src/bench/bench.mjs [--runs N] [--out FILE] [-- <mvn verify arguments>]
//     runs `mvn verify` N times for the scenarios Maven's arguments select and prints the median of
//     each phase, then the suite's wall time next to the sum of its scenarios' UI spans and where
//     the rest went (fixed cost, session starts and resets, seeding and hooks, reports).
//   node src/bench/bench.mjs --peers [--rounds N] [--out FILE]
//     runs the harness, a WebdriverIO 9 script (wdio.mjs) and a bare W3C client (bare.mjs) in turns,
//     N rounds, each doing two journeys (a new user signs up with the email code; a seeded returning
//     user signs in), one Appium session per journey, against one kept-running local stack
//     (mvn -Plocal-stack: started here unless one runs), and prints per journey the span from
//     POST /session to the DELETE answer, read from that stack's Appium log, with per-round ratios.
//
//   node src/bench/bench.mjs --runs 5 -- -Dcucumber.filter.tags=@smoke
//   node src/bench/bench.mjs --peers --rounds 5
//
// Every number comes from what the runs themselves wrote: the command's start and end,
// reports/logs/harness.log (stack parts, run start, preflight), reports/allure-results (each
// scenario's start and end) and Appium's log (each session's creation, commands and end). Other
// processes on the machine slow every phase: compare numbers taken side by side, not across days.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bench = join(project, 'src/bench');
const reports = join(project, 'reports');
const rehearsal = join(project, 'target/rehearsal');
// A rerun's java command line, written by the kept-running stack (io.authflow.e2e.WarmRerun).
const rerunArgs = join(rehearsal, 'rerun.args');
const USAGE = 'usage: node src/bench/bench.mjs [--runs N] [--out FILE] [-- <mvn verify arguments>] | --peers [--rounds N] [--out FILE]';

// The two journeys of --peers: the harness's scenario, and the peers' journey of the same name.
const JOURNEYS = {
  signUp: 'A new user confirms the code sent to their email and lands on the dashboard',
  signIn: 'A returning user signs in and lands on the dashboard',
};
const PEERS = ['harness', 'wdio', 'bare'];
const PEER_NAMES = { harness: 'harness', wdio: 'WebdriverIO', bare: 'bare client' };

function parseArgs(argv) {
  const options = { runs: 5, peers: false, out: undefined, maven: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') {
      options.maven = argv.slice(i + 1);
      break;
    } else if (argv[i] === '--runs' || argv[i] === '--rounds') {
      options.runs = Number(argv[++i]);
    } else if (argv[i] === '--peers') {
      options.peers = true;
    } else if (argv[i] === '--out') {
      options.out = resolve(argv[++i]);
    } else {
      throw new Error(`bench: unknown option '${argv[i]}'; ${USAGE}`);
    }
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) {
    throw new Error(`bench: --runs and --rounds take a whole number of 1 or more; ${USAGE}`);
  }
  if (options.peers && options.maven.length) {
    throw new Error('bench: --peers runs its own command lines; leave out the Maven arguments');
  }
  options.out ??= join(project, options.peers ? 'target/bench/peers.json' : 'target/bench/bench.json');
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

// appium.log: "2026-11-27 13:58:07:566 [2a4b2b7b][HTTP] --> POST /session/… {body}"
function appiumRequests(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').flatMap((line) => {
    const m = line.match(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d):(\d{3}) .*?\[HTTP\] (-->|<--) (\w+) (\S+)(?: (\d{3}) (\d+) ms)?(?: (.*))?/);
    if (!m) return [];
    return [{
      at: Date.parse(`${m[1]}T${m[2]}.${m[3]}`), dir: m[4], method: m[5], path: m[6], took: m[8] ? Number(m[8]) : undefined,
      session: m[6].match(/^\/session\/([^/]+)/)?.[1], body: m[4] === '-->' ? m[9] : undefined,
    }];
  });
}

const isCreate = (r) => r.method === 'POST' && r.path === '/session';
const isEnd = (r) => r.method === 'DELETE' && /^\/session\/[^/]+$/.test(r.path);
// The harness opens the app with a navigation; what a kept session did before it is its reset.
const isResetStart = (r) => r.dir === '-->' && r.method === 'POST' && /^\/session\/[^/]+\/execute\/async$/.test(r.path);
const isOpen = (r) => r.dir === '-->' && r.method === 'POST' && /^\/session\/[^/]+\/url$/.test(r.path);

/** Every session of an Appium log: its request, creation, commands and end (sessions made one at a time). */
function sessionsIn(requests) {
  const sessions = new Map();
  let lastCreate;
  for (const r of requests) {
    if (isCreate(r) && r.dir === '-->') lastCreate = { at: r.at, body: r.body };
    if (!r.session) continue;
    let s = sessions.get(r.session);
    if (!s) {
      s = { id: r.session, requested: lastCreate?.at, capabilities: lastCreate?.body, commands: [] };
      sessions.set(r.session, s);
    }
    if (isEnd(r)) s[r.dir === '-->' ? 'endRequested' : 'ended'] = r.at;
    else s.commands.push(r);
  }
  return [...sessions.values()];
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

/**
 * Where one scenario's time went, from the Appium requests inside it: the sessions it started (or a
 * kept one reset), the UI span (the app opened to the last app command's answer, less any session
 * its second device started meanwhile), the sessions it ended; the rest is the harness's own
 * (seeding users, pool checks, hooks, cleanup).
 */
function partsOf(scenario, requests) {
  // Appium's log and Allure's results both stamp milliseconds of the same clock.
  const within = requests.filter((r) => r.at >= scenario.start && r.at <= scenario.stop + 5);
  // Each request with its answer: a scenario with a second device starts and ends two sessions.
  const answered = (request) => ({ request, answer: within.find((r) => r.dir === '<--' && r.method === request.method && r.path === request.path && r.at >= request.at) });
  const starts = within.filter((r) => isCreate(r) && r.dir === '-->').map(answered).filter((s) => s.answer);
  const ends = within.filter((r) => isEnd(r) && r.dir === '-->').map(answered).filter((e) => e.answer);
  const took = (list) => list.reduce((total, s) => total + s.answer.at - s.request.at, 0);
  const [createRequest, createAnswer] = [starts[0]?.request, starts[0]?.answer];
  const [endRequest, endAnswer] = [ends[0]?.request, ends[0]?.answer];
  const commands = within.filter((r) => r.session && !isEnd(r) && (!endRequest || r.at < endRequest.at));
  const firstCommand = createAnswer && commands.find((r) => r.at > createAnswer.at);
  const opened = commands.find(isOpen) ?? commands[0];
  // A kept session handed back is reset at once, beside the scenario's last hooks: from the reset's
  // first command on (the only asynchronous script the harness sends), nothing is the journey's.
  const handedBack = opened && commands.find((r) => r.at > opened.at && isResetStart(r));
  const answers = commands.filter((r) => r.dir === '<--');
  const lastAnswer = answers.filter((r) => !handedBack || r.at < handedBack.at).at(-1);
  const resetAnswer = handedBack && answers.at(-1);
  const startsWithin = (from, to) => took(starts.filter((s) => s.request.at >= from && s.answer.at <= to));
  // Before the app opens: a new session's start, or a kept session's reset (what the next
  // scenario still waited for of it) and nothing else of the harness's.
  const beforeOpen = opened && commands[0] ? opened.at - commands[0].at - startsWithin(commands[0].at, opened.at) : 0;
  const parts = {
    whole: scenario.stop - scenario.start,
    sessionStart: took(starts),
    reset: beforeOpen + (resetAnswer && resetAnswer.at > handedBack.at ? resetAnswer.at - handedBack.at : 0),
    ui: opened && lastAnswer && lastAnswer.at > opened.at ? lastAnswer.at - opened.at - startsWithin(opened.at, lastAnswer.at) : 0,
    sessionEnd: took(ends),
    // The phases of the table above, for scenarios that started a session of their own.
    beforeSession: createRequest ? createRequest.at - scenario.start : undefined,
    toFirstCommand: firstCommand ? firstCommand.at - createAnswer.at : undefined,
    toSessionEnd: endRequest && lastAnswer ? endRequest.at - lastAnswer.at : undefined,
    afterSessionEnd: endAnswer ? scenario.stop - endAnswer.at : undefined,
  };
  parts.rest = parts.whole - parts.sessionStart - parts.reset - parts.ui - parts.sessionEnd;
  return parts;
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
  const requests = appiumRequests(join(reports, 'local-stack/appium.log'));
  const perScenario = all.map((s) => ({ name: s.name, status: s.status, start: s.start, stop: s.stop, ...partsOf(s, requests) }));
  const values = (pick) => perScenario.map(pick).filter((v) => v !== undefined);
  const add = (name, list) => { if (list.length) phases[name] = median(list); };
  const started_ = perScenario.filter((s) => s.sessionStart > 0);
  const kept = perScenario.filter((s) => s.sessionStart === 0 && s.ui > 0);
  phases['scenarios that started a session'] = started_.length;
  phases['scenarios on a kept session'] = kept.length;
  add('scenario: start to session request (ms)', values((s) => s.beforeSession));
  add('scenario: session start, Appium (ms)', started_.map((s) => s.sessionStart));
  add('scenario: session created to first command (ms)', values((s) => s.toFirstCommand));
  add('scenario: kept session reset (ms)', kept.map((s) => s.reset));
  add('scenario: UI span, app opened to last command (ms)', values((s) => (s.ui > 0 ? s.ui : undefined)));
  add('scenario: last command to session end request (ms)', values((s) => s.toSessionEnd));
  add('scenario: session end, Appium (ms)', values((s) => (s.sessionEnd > 0 ? s.sessionEnd : undefined)));
  add('scenario: session end to scenario end (ms)', values((s) => s.afterSessionEnd));
  add('scenario: whole (ms)', perScenario.map((s) => s.whole));
  const failed = perScenario.filter((s) => s.status !== 'passed').map((s) => s.name);
  console.error(`run ${run}/${options.runs}: exit ${mvn.status}, ${all.length} scenario(s)${failed.length ? `, not passed: ${failed.join('; ')}` : ''}, load ${readLoad()}`);
  return { phases, overhead: overhead(perScenario, started, ended), scenarios: perScenario, exit: mvn.status, load: readLoad() };
}

/** The whole command split so the parts add up to it: the scenarios' UI spans and everything else. */
function overhead(perScenario, started, ended) {
  if (!perScenario.length) return undefined;
  const sum = (pick) => perScenario.reduce((total, s) => total + pick(s), 0);
  let between = 0;
  let parallel = false;
  for (let i = 1; i < perScenario.length; i++) {
    const gap = perScenario[i].start - perScenario[i - 1].stop;
    if (gap < 0) parallel = true;
    between += Math.max(gap, 0);
  }
  const wall = ended - started;
  const ui = sum((s) => s.ui);
  const parts = {
    'before the first scenario: Maven, JVM, local stack, pool sweep, preflight': perScenario[0].start - started,
    'session starts (Appium and Chromium)': sum((s) => s.sessionStart),
    'kept session resets (storage and cookies cleared, page and history left)': sum((s) => s.reset),
    'session ends': sum((s) => s.sessionEnd),
    'in scenarios besides the app: seeding users, pool checks, inbox, hooks, cleanup': sum((s) => s.rest),
    'between scenarios': between,
    'after the last scenario: run end, stack stop, reports (Allure)': ended - perScenario.at(-1).stop,
  };
  return { wall, ui, parallel, parts };
}

function overheadTable(runs) {
  const all = runs.map((r) => r.overhead).filter(Boolean);
  if (!all.length) return '';
  const wall = median(all.map((o) => o.wall)) / 1000;
  const ui = median(all.map((o) => o.ui)) / 1000;
  const rows = [
    ['suite, whole command', wall],
    ['sum of the scenarios\' UI spans', ui],
    ...Object.keys(all[0].parts).map((name) => [`  ${name}`, median(all.map((o) => o.parts[name])) / 1000]),
  ];
  const lines = rows.map(([name, seconds]) => [name, seconds.toFixed(1), `${Math.round((100 * seconds) / wall)}%`]);
  const note = all.some((o) => o.parallel)
    ? '\nScenarios ran side by side: the parts inside scenarios add up to more than the wall time.'
    : '';
  return `\nWall time against the UI: ${(wall / ui).toFixed(2)} × the sum of the UI spans (medians)${note}\n\n${markdown(['', 'seconds', 'of the wall time'], lines)}`;
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

function markdown(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

function table(runs) {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.phases)))];
  const rows = names.map((name) => {
    const values = runs.map((r) => r.phases[name]).filter((v) => v !== undefined);
    const fmt = (v) => (name.endsWith('(s)') ? v.toFixed(1) : String(Math.round(v)));
    return [name, fmt(median(values)), `${fmt(Math.min(...values))}–${fmt(Math.max(...values))}`, String(values.length)];
  });
  return markdown(['phase', 'median', 'range', 'runs'], rows);
}

// ---- --peers -------------------------------------------------------------------------------

/** npm ci of src/bench from its committed lock file, only when the lock file changed. */
function installPeers() {
  const stamp = join(bench, 'node_modules/.authflow-lock.sha256');
  const want = createHash('sha256').update(readFileSync(join(bench, 'package-lock.json'))).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === want) return;
  console.error('bench: npm ci in src/bench (WebdriverIO, from the committed lock file)');
  const npm = spawnSync('npm', ['ci', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: bench, stdio: ['ignore', process.stderr, 'inherit'] });
  if (npm.status !== 0) throw new Error('bench: npm ci in src/bench failed (see above)');
  writeFileSync(stamp, `${want}\n`);
}

function stackVariables() {
  const file = join(rehearsal, 'rehearsal.env');
  if (!existsSync(file)) return undefined;
  return Object.fromEntries(readFileSync(file, 'utf8').split('\n').flatMap((line) => {
    const m = line.match(/^([A-Z_]+)='(.*)'$/);
    return m ? [[m[1], m[2]]] : [];
  }));
}

async function answers(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5000) })).ok;
  } catch {
    return false;
  }
}

/** The kept-running stack: the one that runs (rehearsal.env, Appium answering), else one started here. */
async function keptStack() {
  const running = stackVariables();
  if (running && (await answers(`${running.AUTHFLOW_TARGET_APPIUM.replace(/\/$/, '')}/status`))) {
    console.error('bench: using the kept-running stack (mvn -Plocal-stack) that answers at', running.AUTHFLOW_TARGET_APPIUM);
    return { variables: running, stop: () => {} };
  }
  console.error('bench: starting the kept-running stack (mvn -Plocal-stack)');
  const started = Date.now();
  mkdirSync(join(project, 'target/bench'), { recursive: true });
  // A process group of its own, so that stopping it reaches Maven and the stack's JVM alike.
  const mvn = spawn('mvn', ['-B', '-q', '-Plocal-stack'], { cwd: project, detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = () => {
    try {
      process.kill(-mvn.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  process.on('exit', stop);
  // Its own process group does not hear the terminal's Ctrl-C: pass it on.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stop(); process.exit(130); });
  let exited = false;
  mvn.on('exit', () => { exited = true; });
  const timeoutMs = 300_000;
  for (;;) {
    const variables = stackVariables();
    if (variables && (await answers(`${variables.AUTHFLOW_TARGET_APPIUM.replace(/\/$/, '')}/status`))) {
      return { variables, stop };
    }
    if (exited) throw new Error('bench: mvn -Plocal-stack ended before the stack was ready (see above)');
    if (Date.now() - started > timeoutMs) {
      stop();
      throw new Error(`bench: the kept-running stack was not ready within ${timeoutMs / 1000} s (target/rehearsal/logs/)`);
    }
    await new Promise((ok) => setTimeout(ok, 250)); // looks again for the stack's ready file
  }
}

/** The harness's own session request, from Appium's log, for the peers (less its ChromeDriver port). */
function writeHarnessCapabilities(session) {
  const capabilities = JSON.parse(session.capabilities).capabilities;
  const merged = { ...(capabilities.alwaysMatch ?? {}), ...(capabilities.firstMatch?.[0] ?? {}) };
  delete merged['appium:chromedriverPort'];
  const file = join(project, 'target/bench/capabilities.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(merged, null, 2));
}

function runPeer(peer, journey, env, appiumLog) {
  const started = Date.now();
  const command = peer === 'harness'
    // A session of its own, as each peer starts one: the warm JVM's rerun would else go on in the
    // session the last rerun kept, and have no POST /session or DELETE to measure between.
    ? ['java', [`@${rerunArgs}`, '--new-session', JOURNEYS[journey]]]
    : ['node', [join(bench, `${peer}.mjs`), journey]];
  const result = spawnSync(command[0], command[1], { cwd: project, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ended = Date.now();
  if (result.error) throw new Error(`bench: cannot run ${command[0]}: ${result.error.message}`);
  const sessions = sessionsIn(appiumRequests(appiumLog)).filter((s) => s.requested >= started && s.requested <= ended);
  let session;
  if (peer === 'harness') {
    session = sessions[0];
    if (session && !existsSync(join(project, 'target/bench/capabilities.json'))) writeHarnessCapabilities(session);
  } else {
    const said = result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    session = sessions.find((s) => said.some((r) => r.ok && r.sessionId === s.id));
    for (const r of said.filter((x) => !x.ok)) console.error(`bench: ${peer} ${journey} failed: ${r.error}`);
  }
  const ok = result.status === 0 && session?.ended !== undefined;
  if (!ok) console.error(`bench: ${PEER_NAMES[peer]} ${journey}: exit ${result.status}\n${(result.stdout + result.stderr).split('\n').slice(-25).join('\n')}`);
  return { peer, journey, ok, whole: ended - started, span: ok ? session.ended - session.requested : undefined, session: session?.id };
}

async function peers(options) {
  installPeers();
  const stack = await keptStack();
  if (!existsSync(rerunArgs)) {
    stack.stop();
    throw new Error(`bench: ${relative(project, rerunArgs)} is missing: the running stack was started by an older build; stop it and run the benchmark again`);
  }
  const env = { ...process.env, ...stack.variables };
  const appiumLog = join(rehearsal, 'logs/appium.log');
  // Taken from this run's first harness session: the peers ask for exactly what the harness asks.
  const capabilities = join(project, 'target/bench/capabilities.json');
  rmSync(capabilities, { force: true });
  const results = [];
  try {
    for (let round = 1; round <= options.runs; round++) {
      // In turns, and each peer first in some round: round 1 starts with the harness (its
      // session request gives the peers their capabilities).
      const order = PEERS.map((_, i) => PEERS[(i + round - 1) % PEERS.length]);
      for (const journey of Object.keys(JOURNEYS)) {
        for (const peer of order) {
          const result = { round, ...runPeer(peer, journey, env, appiumLog) };
          results.push(result);
          console.error(`round ${round}/${options.runs} ${journey} ${PEER_NAMES[peer]}: ${result.ok ? `span ${result.span} ms, whole ${(result.whole / 1000).toFixed(1)} s` : 'FAILED'}, load ${readLoad()}`);
        }
      }
    }
  } finally {
    stack.stop();
  }
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, JSON.stringify({ rounds: options.runs, results }, null, 2));
  console.log(`Journeys in turns, ${options.runs} round(s), one Appium session each, against one kept-running local stack; raw numbers in ${relative(project, options.out)}`);
  console.log('span: POST /session to the DELETE answer in Appium\'s log (ms); whole: the command, from start to exit (s)\n');
  const rows = [];
  for (const journey of Object.keys(JOURNEYS)) {
    const of = (peer, round) => results.find((r) => r.journey === journey && r.peer === peer && r.round === round);
    const ratio = (a, b) => (a?.span && b?.span ? a.span / b.span : undefined);
    const ratios = { bare: [], wdio: [] };
    for (let round = 1; round <= options.runs; round++) {
      const [h, w, b] = PEERS.map((p) => of(p, round));
      ratios.bare.push(ratio(h, b));
      ratios.wdio.push(ratio(h, w));
      rows.push([journey, String(round), ...[h, w, b].map((r) => (r?.span ? String(r.span) : 'failed')), fmtRatio(ratio(h, b)), fmtRatio(ratio(h, w))]);
    }
    const spans = (peer) => results.filter((r) => r.journey === journey && r.peer === peer && r.span).map((r) => r.span);
    const med = (list) => (list.length ? median(list) : undefined);
    rows.push([journey, 'median', ...PEERS.map((p) => String(med(spans(p)) ?? 'n/a')), fmtRatio(med(ratios.bare.filter(Boolean))), fmtRatio(med(ratios.wdio.filter(Boolean)))]);
  }
  console.log(markdown(['journey', 'round', 'harness', 'WebdriverIO', 'bare', 'harness/bare', 'harness/WebdriverIO'], rows));
  const wholeRows = Object.keys(JOURNEYS).map((journey) => [journey, ...PEERS.map((peer) => {
    const list = results.filter((r) => r.journey === journey && r.peer === peer && r.ok).map((r) => r.whole);
    return list.length ? (median(list) / 1000).toFixed(1) : 'n/a';
  })]);
  console.log('\nWhole command, medians (s): the harness as `java @target/rehearsal/rerun.args --new-session "<scenario>"` (the warm JVM) against the kept-running stack, the peers as `node src/bench/<peer>.mjs <journey>`\n');
  console.log(markdown(['journey', 'harness', 'WebdriverIO', 'bare'], wholeRows));
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}

function fmtRatio(value) {
  return value === undefined ? 'n/a' : value.toFixed(2);
}

const options = parseArgs(process.argv.slice(2));
if (options.peers) {
  await peers(options);
} else {
  const runs = [];
  for (let i = 1; i <= options.runs; i++) runs.push(measure(options, i));
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, JSON.stringify({ maven: options.maven, runs }, null, 2));
  console.log(`mvn verify ${options.maven.join(' ')}: medians of ${runs.length} run(s); raw numbers in ${relative(project, options.out)}\n`);
  console.log(table(runs));
  console.log(overheadTable(runs));
  process.exitCode = runs.some((r) => r.exit !== 0) ? 1 : 0;
}
