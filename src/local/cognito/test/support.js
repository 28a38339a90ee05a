'use strict';

// What the stand-in's tests share: the launcher started against an SMTP sink of its own (each bound
// to a free loopback port by itself), Cognito's JSON API called as Amplify and the AWS SDK call it,
// and the two AWS host names mapped to the TLS front as Chromium's flags map them.

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const { once } = require('node:events');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const LAUNCHER = path.join(__dirname, '..', 'launcher.js');
// The launcher sends within milliseconds; a loaded CI machine gets ample room.
const MAIL_TIMEOUT_MS = 10000;

/** A minimal SMTP server that keeps every message and hands it to whoever awaits its recipient. */
const startSmtpSink = async () => {
  const messages = [];
  const waiting = [];
  const received = (message) => {
    messages.push(message);
    for (const w of waiting.filter((w) => w.to === message.to)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(message);
    }
  };
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let to;
    const reply = (line) => socket.write(`${line}\r\n`);
    reply('220 sink ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const raw = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          const [head, ...body] = raw.split('\r\n\r\n');
          const header = (name) => head.match(new RegExp(`^${name}: (.*)$`, 'mi'))?.[1];
          received({ to, from: header('From'), subject: header('Subject'), body: body.join('\r\n\r\n').replace(/^\.\./gm, '.') });
          reply('250 queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'RCPT') to = line.match(/<(.*)>/)[1];
        if (verb === 'DATA') {
          inData = true;
          reply('354 go ahead');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else {
          reply('250 ok');
        }
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: server.address().port,
    messages,
    // Bounded, so a code that never comes fails the test with its recipient instead of hanging it.
    next: (to, timeoutMs = MAIL_TIMEOUT_MS) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)), timeoutMs);
        waiting.push({ to, resolve: (message) => (clearTimeout(timer), resolve(message)) });
      }),
    close: () => server.close(),
  };
};

/** Starts the launcher and resolves once it logs "ready", with its ready-file contents and its output. */
const startLauncher = async (smtpPort, extraArgs = []) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-launcher-'));
  const readyFile = path.join(dir, 'ready.json');
  const child = spawn(process.execPath, [
    LAUNCHER,
    '--port', '0',
    '--data-dir', path.join(dir, 'data'),
    '--smtp-host', '127.0.0.1',
    '--smtp-port', String(smtpPort),
    '--ready-file', readyFile,
    ...extraArgs,
  ]);
  const output = { text: '' };
  const ready = new Promise((resolve, reject) => {
    const onOutput = (chunk) => {
      output.text += chunk;
      if (/\] ready$/m.test(output.text)) resolve();
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.once('exit', (code) => reject(new Error(`launcher exited with ${code} before ready:\n${output.text}`)));
  });
  await ready;
  const stack = JSON.parse(fs.readFileSync(readyFile, 'utf8'));
  const stop = async () => {
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    return code;
  };
  return { ...stack, output, stop };
};

const call = async (stack, operation, body) => {
  const response = await fetch(stack.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, errorType: response.headers.get('x-amzn-errortype'), body: await response.json() };
};

const ok = async (stack, operation, body) => {
  const answer = await call(stack, operation, body);
  assert.equal(answer.status, 200, `${operation} failed: ${JSON.stringify(answer.body)}`);
  return answer.body;
};

const assertCognitoError = async (answerPromise, name, message) => {
  const answer = await answerPromise;
  assert.equal(answer.status, 400);
  assert.equal(answer.errorType, `${name}:`);
  assert.deepEqual(answer.body, { __type: name, message });
};

/**
 * What Chromium's --host-resolver-rules and --ignore-certificate-errors-spki-list do for the browser,
 * done for Node's global fetch (undici): the stand-in's two host names connect to its TLS port, with
 * the host as SNI, trusting only this run's certificate; any other host connects as usual.
 */
const hostMapping = (on) => {
  const { Agent, buildConnector } = require('undici');
  const tls = require('node:tls');
  const ca = fs.readFileSync(on.tls.certificate, 'utf8');
  const usual = buildConnector({});
  return new Agent({
    connect(options, callback) {
      if (!on.tls.hosts.includes(options.hostname)) return usual(options, callback);
      const socket = tls.connect({ host: '127.0.0.1', port: on.tls.port, servername: options.hostname, ca, ALPNProtocols: ['http/1.1'] });
      let answered = false;
      const once = (err) => !answered && ((answered = true), err ? callback(err) : callback(null, socket));
      socket.once('secureConnect', () => once());
      socket.once('error', once);
      return socket;
    },
  });
};

/** Runs `body` with every fetch in this process going through `hostMapping(on)`. */
const withHostsMapped = async (on, body) => {
  const { getGlobalDispatcher, setGlobalDispatcher } = require('undici');
  const previous = getGlobalDispatcher();
  const mapped = hostMapping(on);
  setGlobalDispatcher(mapped);
  try {
    return await body(mapped);
  } finally {
    setGlobalDispatcher(previous);
    await mapped.close();
  }
};

module.exports = { startSmtpSink, startLauncher, call, ok, assertCognitoError, hostMapping, withHostsMapped };
