'use strict';

const path = require('node:path');

const USAGE =
  'usage: node launcher.js --port N|0 --data-dir /abs/dir --smtp-host HOST --smtp-port N ' +
  '--ready-file /abs/ready.json [--signup-code-ttl SECONDS] [--reset-code-ttl SECONDS] [--amplify-outputs /abs/amplify_outputs.json] [--app-client app|revealsUserExistence] [--email-daily-limit N] ' +
  '[--access-token-validity SECONDS] [--id-token-validity SECONDS] [--refresh-token-validity SECONDS] ' +
  '[--mfa NONE|OPTIONAL|REQUIRED] [--mfa-methods TOTP,SMS,EMAIL|none] [--email-otp-login true|false]';

const port = (name, value) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 65535) {
    throw new Error(`--${name} must be a port number 1-65535, got '${value}'`);
  }
  return n;
};

// 0 asks the system for a free port, bound by the launcher itself (no pick-then-bind race).
const listenPort = (name, value) => {
  if (value === '0') return 0;
  try {
    return port(name, value);
  } catch {
    throw new Error(`--${name} must be a port number 1-65535 or 0 for any free port, got '${value}'`);
  }
};

const seconds = (name, value) => {
  if (!/^\d+$/.test(value)) {
    throw new Error(`--${name} must be a whole number of seconds, got '${value}'`);
  }
  return Number(value);
};

// The Java side starts this with its own working directory, so relative paths would be ambiguous.
const absolutePath = (name, value) => {
  if (!path.isAbsolute(value)) {
    throw new Error(`--${name} must be an absolute path, got '${value}'`);
  }
  return value;
};

const lifetime = (name, value) => {
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new Error(`--${name} must be a whole number of seconds, 1 or more, got '${value}'`);
  }
  return Number(value);
};

const count = (name, value) => {
  if (!/^\d+$/.test(value)) {
    throw new Error(`--${name} must be a whole number, got '${value}'`);
  }
  return Number(value);
};

const text = (name, value) => {
  if (!value) throw new Error(`--${name} must not be empty`);
  return value;
};

const APP_CLIENTS = ['app', 'revealsUserExistence'];
const appClient = (name, value) => {
  if (!APP_CLIENTS.includes(value)) throw new Error(`--${name} must be one of ${APP_CLIENTS.join(', ')}, got '${value}'`);
  return value;
};

const MFA_CONFIGURATIONS = ['NONE', 'OPTIONAL', 'REQUIRED'];
const mfaConfiguration = (name, value) => {
  if (!MFA_CONFIGURATIONS.includes(value)) throw new Error(`--${name} must be one of ${MFA_CONFIGURATIONS.join(', ')}, got '${value}'`);
  return value;
};
const MFA_METHODS = ['TOTP', 'SMS', 'EMAIL'];
const mfaMethods = (name, value) => {
  if (value === 'none') return [];
  const methods = value.split(',');
  const wrong = methods.find((method) => !MFA_METHODS.includes(method));
  if (wrong !== undefined) throw new Error(`--${name} must be a comma-separated list of ${MFA_METHODS.join(', ')} or 'none', got '${value}'`);
  return [...new Set(methods)];
};
const flag = (name, value) => {
  if (value !== 'true' && value !== 'false') throw new Error(`--${name} must be true or false, got '${value}'`);
  return value === 'true';
};

const OPTIONS = {
  port: { key: 'port', parse: listenPort },
  'data-dir': { key: 'dataDir', parse: absolutePath },
  'smtp-host': { key: 'smtpHost', parse: text },
  'smtp-port': { key: 'smtpPort', parse: port },
  'ready-file': { key: 'readyFile', parse: absolutePath },
  // Cognito's own lifetimes: a sign-up code lasts 24 hours, a password-reset code 1 hour.
  'signup-code-ttl': { key: 'signUpCodeTtlSeconds', parse: seconds, default: 86400 },
  'reset-code-ttl': { key: 'resetCodeTtlSeconds', parse: seconds, default: 3600 },
  // The app's amplify_outputs.json shapes the pool; without it the pool is Gen 2's default.
  'amplify-outputs': { key: 'amplifyOutputs', parse: absolutePath, default: '' },
  // The client the app signs in with gets the outputs' client id: Gen 2's (app), or the LEGACY
  // variant, so one build exercises both ways of answering an unknown user.
  'app-client': { key: 'appClient', parse: appClient, default: 'app' },
  // Emails a day Cognito's default account sends (pools on COGNITO_DEFAULT, all together): its
  // quota is 50; a test sets a small one to meet LimitExceededException without sending 50.
  'email-daily-limit': { key: 'emailDailyLimit', parse: count, default: 50 },
  // The app clients' token lifetimes; Gen 2's defaults (Cognito's): access and ID 60 minutes,
  // refresh 30 days. Locally any number of seconds, below Cognito's minimums (5 minutes, 60 minutes
  // for refresh) too, so a test sees tokens expire.
  'access-token-validity': { key: 'accessTokenValidity', parse: lifetime, default: 3600 },
  'id-token-validity': { key: 'idTokenValidity', parse: lifetime, default: 3600 },
  'refresh-token-validity': { key: 'refreshTokenValidity', parse: lifetime, default: 30 * 86400 },
  // The pool's sign-in factors, each in place of the outputs' (auth.mfa_configuration,
  // auth.mfa_methods, auth.passwordless.email_otp_enabled), so one app build meets several pools.
  mfa: { key: 'mfa', parse: mfaConfiguration, default: null },
  'mfa-methods': { key: 'mfaMethods', parse: mfaMethods, default: null },
  'email-otp-login': { key: 'emailOtpLogin', parse: flag, default: null },
};

/** Parses `--name value` pairs; throws an Error whose message is one line fit for the user. */
const parseArgs = (argv) => {
  const parsed = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    const option = OPTIONS[name];
    if (!argv[i].startsWith('--') || !option) throw new Error(`unknown argument '${argv[i]}'; ${USAGE}`);
    if (i + 1 >= argv.length) throw new Error(`--${name} needs a value; ${USAGE}`);
    parsed[option.key] = option.parse(name, argv[i + 1]);
  }
  for (const [name, option] of Object.entries(OPTIONS)) {
    if (parsed[option.key] !== undefined) continue;
    if (option.default === undefined) throw new Error(`--${name} is required; ${USAGE}`);
    parsed[option.key] = option.default;
  }
  return parsed;
};

module.exports = { parseArgs };
