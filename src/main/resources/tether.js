'use strict';

// Ties a Node program of the local stack, and everything it starts (ChromeDriver, Chromium, their
// helpers), to the JVM that started this tether: the program runs in a process group of its own,
// and when the JVM goes away, even by SIGKILL with no chance to clean up, the tether kills that
// group and every process carrying its mark, removes the run's data directory and exits.
//
// Started by the harness as `node tether.js <program args…>` with, in the environment:
//   AUTHFLOW_TETHER_MAIN    the program's main .js file (run with this same node)
//   AUTHFLOW_RUN            the run's id, passed on to every process (the run-start sweep reads it)
//   AUTHFLOW_TETHER_REMOVE  optional: a directory to remove when the JVM went away (test data)
//   AUTHFLOW_TETHER_LOG     optional: a log file to which the tether appends how the program ended
//
// The JVM's death is seen as this process's parent changing. That works whatever the JVM did with
// our stdin (Appium's Java launcher keeps it; a plain ProcessBuilder pipe would do as well).

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');

const main = process.env.AUTHFLOW_TETHER_MAIN;
if (!main) {
  console.error('tether: AUTHFLOW_TETHER_MAIN is not set; the harness sets it to the program to run');
  process.exit(2);
}
// Every process below carries this mark (environments are inherited), also those that leave the
// process group, as Chromium's crash handler does.
const mark = `AUTHFLOW_TETHER_ID=${process.env.AUTHFLOW_RUN || 'run'}-${process.pid}`;
const [markName, markValue] = mark.split('=');
const parent = process.ppid;
const GRACE_MS = 3000;

const note = (line) => {
  const file = process.env.AUTHFLOW_TETHER_LOG;
  if (file) {
    try {
      fs.appendFileSync(file, `[tether] ${line}\n`);
    } catch {
      // The log is evidence only; ending the program matters more.
    }
  }
};

const child = spawn(process.execPath, [main, ...process.argv.slice(2)], {
  detached: true, // its own process group, so one kill reaches ChromeDriver and Chromium too
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, [markName]: markValue },
});

const signalGroup = (signal) => {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is empty: nothing left to signal.
  }
};

/** Processes that carry this tether's mark, found through /proc (Linux; elsewhere the group kill). */
const marked = () => {
  let pids;
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return pids.map(Number).filter((pid) => {
    if (pid === process.pid) return false;
    try {
      return fs.readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(mark);
    } catch {
      return false;
    }
  });
};

const killAll = () => {
  signalGroup('SIGKILL');
  for (const pid of marked()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
};

let ending = false;
/** Asks the program to stop, and kills what is left of its tree after the grace period. */
const end = (why) => {
  if (ending) return;
  ending = true;
  note(why);
  signalGroup('SIGTERM');
  setTimeout(() => finish(1), GRACE_MS).unref();
};

const finish = (code) => {
  killAll();
  if (process.ppid !== parent && process.env.AUTHFLOW_TETHER_REMOVE) {
    // Only for a run that died: a run that ends normally removes its own data.
    fs.rmSync(process.env.AUTHFLOW_TETHER_REMOVE, { recursive: true, force: true });
  }
  process.exit(code);
};

child.on('exit', (code, signal) => {
  note(`${main} exited with ${signal ? `signal ${signal}` : `code ${code}`}`);
  // Whatever the program left running (a browser of an abandoned session) goes with it. A signal
  // is told as a shell does (128 + its number), so the harness can name how the part ended.
  finish(signal ? 128 + (os.constants.signals[signal] ?? 0) : code);
});
child.on('error', (err) => {
  note(`${main} could not start: ${err.message}`);
  process.exit(1);
});

process.on('SIGTERM', () => end('SIGTERM from the harness: stopping'));
process.on('SIGINT', () => end('SIGINT: stopping'));

const watch = setInterval(() => {
  if (process.ppid !== parent) {
    clearInterval(watch);
    end(`the harness (pid ${parent}) went away: stopping everything this part started`);
  }
}, 200);
