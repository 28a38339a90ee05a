#!/usr/bin/env node
// The benchmark's WebdriverIO peer: the harness's two benchmarked journeys written as a QA team
// would with WebdriverIO 9 in standalone mode (remote(), $, setValue, click, waitForDisplayed),
// with WebdriverIO's own defaults (among them a WebDriver BiDi connection, webSocketUrl: true),
// one Appium session each, against the kept-running local stack (see stack.mjs).
//
//   node src/bench/wdio.mjs [signUp] [signIn]
import { remote } from 'webdriverio';
import {
  SCREEN_TIMEOUT_MS, awaitCode, deleteUser, newUser, requireConfirmed, runJourneys,
  seedReturningUser, sessionCapabilities,
} from './stack.mjs';

async function session(stack, journey) {
  const url = new URL(stack.appium);
  const browser = await remote({
    protocol: url.protocol.replace(':', ''),
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname === '' ? '/' : url.pathname,
    logLevel: 'error',
    waitforTimeout: SCREEN_TIMEOUT_MS,
    capabilities: await sessionCapabilities(stack),
  });
  const byTestId = (testId) => browser.$(`[data-testid="${testId}"]`);
  try {
    await journey(browser, byTestId);
  } finally {
    await browser.deleteSession();
  }
  return browser.sessionId;
}

async function requireText(element, expected) {
  const shown = await element.getText();
  if (!shown.includes(expected)) throw new Error(`${element.selector} shows '${shown}', not '${expected}'`);
}

runJourneys('wdio', {
  signUp: async (stack) => {
    const user = newUser(stack);
    try {
      return await session(stack, async (browser, $) => {
        await browser.url(`${stack.appUrl}/`);
        await $('signIn.goToSignUp').click();
        await $('signUp.email').setValue(user.email);
        await $('signUp.password').setValue(user.password);
        const since = Date.now();
        await $('signUp.submit').click();
        await $('confirmSignUp.screen').waitForDisplayed();
        await $('confirmSignUp.code').setValue(await awaitCode(stack, user.email, since));
        await $('confirmSignUp.submit').click();
        await $('dashboard.screen').waitForDisplayed();
        await requireText($('dashboard.userEmail'), user.email);
        await requireConfirmed(stack, user.email);
      });
    } finally {
      await deleteUser(stack, user.email);
    }
  },
  signIn: async (stack) => {
    const user = await seedReturningUser(stack);
    try {
      return await session(stack, async (browser, $) => {
        await browser.url(`${stack.appUrl}/`);
        await $('signIn.email').setValue(user.email);
        await $('signIn.password').setValue(user.password);
        await $('signIn.submit').click();
        await $('dashboard.screen').waitForDisplayed();
        await requireText($('dashboard.userEmail'), user.email);
      });
    } finally {
      await deleteUser(stack, user.email);
    }
  },
});
