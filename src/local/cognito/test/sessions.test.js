'use strict';

// Proves the stand-in's sessions are Cognito's: tokens signed with the pool's published key and
// lifetimes from the app client, refresh (Amplify JS's fetchAuthSession), sign-out that revokes
// (Amplify's signOut, signOut({ global: true }), amazon-cognito-identity-js), and every call that
// takes an access token checking it as Cognito does.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { createPublicKey, createSign, generateKeyPairSync, verify } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { AuthenticationDetails, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js');
const { startSmtpSink, startLauncher, call, ok, assertCognitoError, withHostsMapped } = require('./support');

const OUTPUTS = path.join(__dirname, 'amplify_outputs.json');
const PASSWORD = 'Corr3ct-Horse!';
// Bounded waits for a short-lived token to be refused: it lives a second; a loaded machine gets ample room.
const EXPIRY_TIMEOUT_MS = 10000;

let smtp;
let stack; // Gen 2's default lifetimes
let shortLived; // access and ID tokens of 1 second, refresh tokens of 3
let serial = 0;

before(async () => {
  smtp = await startSmtpSink();
  [stack, shortLived] = await Promise.all([
    startLauncher(smtp.port, ['--amplify-outputs', OUTPUTS]),
    startLauncher(smtp.port, ['--access-token-validity', '1', '--id-token-validity', '1', '--refresh-token-validity', '3']),
  ]);
});

after(async () => {
  await Promise.all([stack?.stop(), shortLived?.stop()]);
  smtp?.close();
});

const payload = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url'));
const header = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url'));

/** A confirmed user of `on`'s pool (made by the admin API, as a test's setup does). */
const confirmedUser = async (on = stack) => {
  const email = `session-${process.pid}-${++serial}@example.test`;
  await ok(on, 'AdminCreateUser', {
    UserPoolId: on.userPoolId,
    Username: email,
    MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
  });
  await ok(on, 'AdminSetUserPassword', { UserPoolId: on.userPoolId, Username: email, Password: PASSWORD, Permanent: true });
  return email;
};

/** Signs in by SRP with amazon-cognito-identity-js (a second device): resolves to its CognitoUser and session. */
const deviceSignIn = (email, on = stack) =>
  new Promise((resolve, reject) => {
    const pool = new CognitoUserPool({ UserPoolId: on.userPoolId, ClientId: on.clients.app, endpoint: on.endpoint });
    const user = new CognitoUser({ Username: email, Pool: pool });
    user.authenticateUser(new AuthenticationDetails({ Username: email, Password: PASSWORD }), {
      onSuccess: (session) => resolve({ user, session, access: session.getAccessToken().getJwtToken(), refresh: session.getRefreshToken().getToken() }),
      onFailure: reject,
    });
  });

const refresh = (refreshToken, on = stack, clientId = on.clients.app) =>
  call(on, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } });
const getUser = (accessToken, on = stack) => call(on, 'GetUser', { AccessToken: accessToken });

/** Polls `attempt` until it answers `name`/`message` (a token running out), at most EXPIRY_TIMEOUT_MS. */
const refusedOnceExpired = async (attempt, name, message) => {
  let answer;
  for (const start = Date.now(); Date.now() - start < EXPIRY_TIMEOUT_MS; ) {
    answer = await attempt();
    if (answer.status === 400) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepEqual({ status: answer.status, body: answer.body }, { status: 400, body: { __type: name, message } }, `not refused within ${EXPIRY_TIMEOUT_MS} ms`);
};

/**
 * Amplify JS as an app configures it, with its token store in a Map the test can read (Amplify's own
 * setKeyValueStorage), so the refresh token Amplify keeps can be tried after it signs out.
 */
const amplifyAuth = (on = stack) => {
  const { Amplify } = require('aws-amplify');
  const { cognitoUserPoolsTokenProvider } = require('aws-amplify/auth/cognito');
  Amplify.configure({ Auth: { Cognito: { userPoolId: on.userPoolId, userPoolClientId: on.clients.app, userPoolEndpoint: on.endpoint } } });
  const store = new Map();
  cognitoUserPoolsTokenProvider.setKeyValueStorage({
    setItem: async (key, value) => void store.set(key, value),
    getItem: async (key) => store.get(key) ?? null,
    removeItem: async (key) => void store.delete(key),
    clear: async () => store.clear(),
  });
  const storedRefreshToken = () => [...store].find(([key]) => key.endsWith('.refreshToken'))?.[1];
  return { auth: require('aws-amplify/auth'), storedRefreshToken };
};
const amplifyError = (promise) => promise.then(
  () => ({}),
  (err) => ({ error: { name: err.name, message: err.message } }),
);

test('tokens are Cognito\'s: RS256 with a key the pool publishes at https://cognito-idp.<region>.amazonaws.com/<pool>/.well-known/jwks.json, Cognito\'s issuer and claims, an opaque refresh token, Gen 2\'s lifetimes', async () => {
  const { access, session, refresh: refreshToken } = await deviceSignIn(await confirmedUser());
  const id = session.getIdToken().getJwtToken();
  const jwks = await withHostsMapped(stack, async (mapped) => {
    const response = await fetch(`https://cognito-idp.us-east-1.amazonaws.com/${stack.userPoolId}/.well-known/jwks.json`, { dispatcher: mapped });
    assert.equal(response.status, 200);
    return response.json();
  });
  assert.equal(jwks.keys.length, 1);
  const [key] = jwks.keys;
  assert.deepEqual({ alg: key.alg, kty: key.kty, use: key.use, e: key.e }, { alg: 'RS256', kty: 'RSA', use: 'sig', e: 'AQAB' });
  for (const [jwt, tokenUse] of [[access, 'access'], [id, 'id']]) {
    assert.deepEqual(header(jwt), { kid: key.kid, alg: 'RS256' });
    const [h, p, signature] = jwt.split('.');
    assert.ok(verify('sha256', Buffer.from(`${h}.${p}`), createPublicKey({ key, format: 'jwk' }), Buffer.from(signature, 'base64url')), `${tokenUse} token verifies with the published key`);
    const claims = payload(jwt);
    assert.equal(claims.iss, 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Xy9Tb2QwE');
    assert.equal(claims.token_use, tokenUse);
    for (const claim of ['sub', 'jti', 'origin_jti', 'event_id', 'auth_time', 'iat', 'exp']) assert.ok(claims[claim], `${tokenUse} token has ${claim}`);
    assert.equal(claims.exp - claims.iat, 3600, 'Gen 2: 60 minutes');
  }
  assert.equal(payload(access).origin_jti, payload(id).origin_jti, 'one sign-in, one origin');
  assert.equal(payload(access).client_id, stack.clients.app);
  assert.equal(payload(access).scope, 'aws.cognito.signin.user.admin');
  assert.equal(payload(id).aud, stack.clients.app);
  assert.equal(payload(id).email_verified, true);
  assert.equal(refreshToken.split('.').length, 5, 'opaque, shaped as Cognito\'s encrypted (JWE) refresh token');
  assert.throws(() => payload(refreshToken));
  // The plain listener publishes the same keys (what a harness-side verifier may fetch).
  const plain = await fetch(new URL(`${stack.userPoolId}/.well-known/jwks.json`, stack.endpoint));
  assert.deepEqual(await plain.json(), jwks);
});

test('DescribeUserPoolClient reports the lifetimes in Cognito\'s shape: Gen 2\'s 60/60 minutes and 30 days by default, the launcher\'s --*-token-validity seconds when given', async () => {
  const describe = async (on, ClientId) => (await ok(on, 'DescribeUserPoolClient', { UserPoolId: on.userPoolId, ClientId })).UserPoolClient;
  for (const ClientId of Object.values(stack.clients)) {
    const client = await describe(stack, ClientId);
    assert.deepEqual(
      [client.AccessTokenValidity, client.IdTokenValidity, client.RefreshTokenValidity, client.TokenValidityUnits],
      [60, 60, 30, { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' }],
    );
    assert.equal(client.EnableTokenRevocation, true);
  }
  const short = await describe(shortLived, shortLived.clients.app);
  assert.deepEqual(
    [short.AccessTokenValidity, short.IdTokenValidity, short.RefreshTokenValidity, short.TokenValidityUnits],
    [1, 1, 3, { AccessToken: 'seconds', IdToken: 'seconds', RefreshToken: 'seconds' }],
  );
  const { access } = await deviceSignIn(await confirmedUser(shortLived), shortLived);
  assert.equal(payload(access).exp - payload(access).iat, 1);
});
