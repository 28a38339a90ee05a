// What the peers of the benchmark (bare.mjs, wdio.mjs) share: the kept-running local stack they
// drive (mvn -Plocal-stack, read from the files it writes), the capabilities the harness's own
// session asked for, a returning user seeded through the Cognito stand-in's admin API, and the
// email code read from the stack's SMTP inbox (GreenMail) through its Mailosaur-shaped API, as the
// harness reads it against the same stack.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const project = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const rehearsal = join(project, 'target/rehearsal');
export const capabilitiesFile = join(project, 'target/bench/capabilities.json');

// The harness's waits look again every timeouts.poll (config/defaults.yaml); the bare client too.
export const POLL_MS = 25;
export const SCREEN_TIMEOUT_MS = 15_000;
export const CODE_TIMEOUT_MS = 30_000;

/** The stack's variables (rehearsal.env), its pool (amplify_outputs.json) and the capabilities. */
export function loadStack() {
  const envFile = join(rehearsal, 'rehearsal.env');
  if (!existsSync(envFile)) {
    throw new Error(`${envFile} is missing: start the kept-running stack first (mvn -Plocal-stack), or run the peers through node src/bench/bench.mjs --peers`);
  }
  const vars = Object.fromEntries(
    readFileSync(envFile, 'utf8').split('\n').flatMap((line) => {
      const m = line.match(/^([A-Z_]+)='(.*)'$/);
      return m ? [[m[1], m[2]]] : [];
    }),
  );
  const auth = JSON.parse(readFileSync(vars.AUTHFLOW_USERPOOL_AMPLIFYOUTPUTS, 'utf8')).auth;
  if (!existsSync(capabilitiesFile)) {
    throw new Error(`${capabilitiesFile} is missing: node src/bench/bench.mjs --peers writes it from the harness's own session request in Appium's log`);
  }
  // The capabilities name the stack's ports (the browser's route to the Cognito stand-in): those of
  // a stack started since are wrong, and the app would wait for a backend that is not there.
  if (statSync(capabilitiesFile).mtimeMs < statSync(envFile).mtimeMs) {
    throw new Error(`${capabilitiesFile} was written for an earlier run of the kept-running stack (${envFile} is newer): run node src/bench/bench.mjs --peers --rounds 1 once, which writes them again from the harness's own session request`);
  }
  return {
    appium: vars.AUTHFLOW_TARGET_APPIUM.replace(/\/$/, ''),
    appUrl: vars.AUTHFLOW_APP_URL.replace(/\/$/, ''),
    poolEndpoint: vars.AUTHFLOW_USERPOOL_ENDPOINT,
    poolId: auth.user_pool_id,
    region: auth.aws_region,
    inboxApi: vars.AUTHFLOW_INBOX_APIURL.replace(/\/$/, ''),
    inboxServer: vars.AUTHFLOW_INBOX_SERVERID,
    inboxKey: vars.MAILOSAUR_API_KEY,
    emailDomain: vars.AUTHFLOW_USERS_EMAILDOMAIN,
    capabilities: JSON.parse(readFileSync(capabilitiesFile, 'utf8')),
  };
}

/** The harness's capabilities with a ChromeDriver port of this session's own, as the harness does. */
export async function sessionCapabilities(stack) {
  return { ...stack.capabilities, 'appium:chromedriverPort': await freePort() };
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

/** A test user of the harness's shape (a test address, a password Gen 2's default policy takes). */
export function newUser(stack) {
  const id = randomBytes(6).toString('hex');
  return { email: `authflow-bench-${id}@${stack.emailDomain}`, password: `Bench-${id}-Aa1!` };
}

/** One call of the Cognito admin API (JSON 1.1, as the AWS SDK sends it; the stand-in takes any signature). */
async function admin(stack, action, body) {
  const answer = await fetch(stack.poolEndpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
      Authorization: `AWS4-HMAC-SHA256 Credential=local/20260101/${stack.region}/cognito-idp/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify({ UserPoolId: stack.poolId, ...body }),
  });
  const text = await answer.text();
  if (!answer.ok) throw new Error(`Cognito stand-in at ${stack.poolEndpoint} refused ${action}: ${answer.status} ${text}`);
  return text ? JSON.parse(text) : {};
}

/** A confirmed user with a permanent password, as the harness seeds a returning user. */
export async function seedReturningUser(stack) {
  const user = newUser(stack);
  await admin(stack, 'AdminCreateUser', {
    Username: user.email,
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: user.email },
      { Name: 'email_verified', Value: 'true' },
    ],
  });
  await admin(stack, 'AdminSetUserPassword', { Username: user.email, Password: user.password, Permanent: true });
  return user;
}

/** What the harness's last step of the sign-up journey checks: confirmed, email verified. */
export async function requireConfirmed(stack, email) {
  const user = await admin(stack, 'AdminGetUser', { Username: email });
  const verified = user.UserAttributes.find((a) => a.Name === 'email_verified')?.Value;
  if (user.UserStatus !== 'CONFIRMED' || verified !== 'true') {
    throw new Error(`${email} is ${user.UserStatus}, email_verified ${verified}; expected CONFIRMED and true`);
  }
}

export async function deleteUser(stack, email) {
  await admin(stack, 'AdminDeleteUser', { Username: email }).catch(() => {});
}

/**
 * The code of the newest message to {@code email} received after {@code since}: search, then the
 * message, at the pace the server asks (x-ms-delay), as Mailosaur's Java client does for the harness.
 */
export async function awaitCode(stack, email, since) {
  const auth = { Authorization: `Basic ${Buffer.from(`${stack.inboxKey}:`).toString('base64')}` };
  const deadline = Date.now() + CODE_TIMEOUT_MS;
  for (;;) {
    const search = await fetch(
      `${stack.inboxApi}/api/messages/search?server=${stack.inboxServer}&receivedAfter=${since}&page=0&itemsPerPage=1`,
      { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ sentTo: email }) },
    );
    const found = (await search.json()).items ?? [];
    if (found.length) {
      const message = await (await fetch(`${stack.inboxApi}/api/messages/${found[0].id}`, { headers: auth })).json();
      const code = message.text?.codes?.[0]?.value;
      if (code) return code;
      throw new Error(`the message to ${email} holds no code: ${message.text?.body}`);
    }
    if (Date.now() > deadline) throw new Error(`no message to ${email} within ${CODE_TIMEOUT_MS} ms`);
    await pause(Number(search.headers.get('x-ms-delay') ?? 1000));
  }
}

// The pace the inbox's server asks for between polls (not a wait for something to happen).
function pause(ms) {
  return new Promise((ok) => setTimeout(ok, ms));
}

/** Runs the peer's journeys named on the command line (default both), one session each; prints JSON lines. */
export async function runJourneys(peer, journeys) {
  const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(journeys);
  const stack = loadStack();
  let failed = false;
  for (const name of wanted) {
    if (!journeys[name]) throw new Error(`${peer}: no journey '${name}'; use ${Object.keys(journeys).join(' or ')}`);
    const started = Date.now();
    try {
      const sessionId = await journeys[name](stack);
      console.log(JSON.stringify({ peer, journey: name, sessionId, ok: true, ms: Date.now() - started }));
    } catch (e) {
      failed = true;
      console.log(JSON.stringify({ peer, journey: name, ok: false, error: String(e.message ?? e).split('\n')[0] }));
    }
  }
  process.exitCode = failed ? 1 : 0;
}
