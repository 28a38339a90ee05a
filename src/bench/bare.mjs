#!/usr/bin/env node
// The benchmark's bare W3C WebDriver client: the harness's two benchmarked journeys with nothing
// but fetch, one Appium session each, against the kept-running local stack (see stack.mjs).
//
//   node src/bench/bare.mjs [signUp] [signIn]
//
// A journey looks for an element every POLL_MS (the harness's timeouts.poll) until it is there.
import {
  POLL_MS, SCREEN_TIMEOUT_MS, awaitCode, deleteUser, newUser, requireConfirmed, runJourneys,
  seedReturningUser, sessionCapabilities,
} from './stack.mjs';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

async function call(stack, method, path, body) {
  const answer = await fetch(`${stack.appium}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await answer.json();
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${json.value?.message ?? ''}`);
  return json.value;
}

async function session(stack, journey) {
  const created = await call(stack, 'POST', '/session', { capabilities: { firstMatch: [await sessionCapabilities(stack)] } });
  const base = `/session/${created.sessionId}`;
  const at = {
    go: (url) => call(stack, 'POST', `${base}/url`, { url }),
    // The element with this testID once it is shown, looked for every POLL_MS.
    shown: async (testId) => {
      const deadline = Date.now() + SCREEN_TIMEOUT_MS;
      for (;;) {
        const found = await call(stack, 'POST', `${base}/elements`, { using: 'css selector', value: `[data-testid="${testId}"]` });
        if (found.length && (await call(stack, 'GET', `${base}/element/${found[0][ELEMENT]}/displayed`))) return found[0][ELEMENT];
        if (Date.now() > deadline) throw new Error(`${testId} not shown within ${SCREEN_TIMEOUT_MS} ms`);
        await new Promise((ok) => setTimeout(ok, POLL_MS));
      }
    },
    type: async (testId, text) => call(stack, 'POST', `${base}/element/${await at.shown(testId)}/value`, { text }),
    tap: async (testId) => call(stack, 'POST', `${base}/element/${await at.shown(testId)}/click`, {}),
    text: async (testId) => call(stack, 'GET', `${base}/element/${await at.shown(testId)}/text`),
  };
  try {
    await journey(at);
  } finally {
    await call(stack, 'DELETE', base);
  }
  return created.sessionId;
}

async function requireText(at, testId, expected) {
  const shown = await at.text(testId);
  if (!shown.includes(expected)) throw new Error(`${testId} shows '${shown}', not '${expected}'`);
}

runJourneys('bare', {
  // A new user signs up, enters the code from their email and lands on the dashboard.
  signUp: async (stack) => {
    const user = newUser(stack);
    try {
      return await session(stack, async (at) => {
        await at.go(`${stack.appUrl}/`);
        await at.tap('signIn.goToSignUp');
        await at.type('signUp.email', user.email);
        await at.type('signUp.password', user.password);
        const since = Date.now();
        await at.tap('signUp.submit');
        await at.shown('confirmSignUp.screen');
        await at.type('confirmSignUp.code', await awaitCode(stack, user.email, since));
        await at.tap('confirmSignUp.submit');
        await at.shown('dashboard.screen');
        await requireText(at, 'dashboard.userEmail', user.email);
        await requireConfirmed(stack, user.email);
      });
    } finally {
      await deleteUser(stack, user.email);
    }
  },
  // A seeded returning user signs in and lands on the dashboard.
  signIn: async (stack) => {
    const user = await seedReturningUser(stack);
    try {
      return await session(stack, async (at) => {
        await at.go(`${stack.appUrl}/`);
        await at.type('signIn.email', user.email);
        await at.type('signIn.password', user.password);
        await at.tap('signIn.submit');
        await at.shown('dashboard.screen');
        await requireText(at, 'dashboard.userEmail', user.email);
      });
    } finally {
      await deleteUser(stack, user.email);
    }
  },
});
