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
const { startSmtpSink, startLauncher, call, ok, assertCognitoError, logged, withHostsMapped } = require('./support');

const OUTPUTS = path.join(__dirname, 'amplify_outputs.json');
const PASSWORD = 'Corr3ct-Horse!';
// Bounded waits for a short-lived token to be refused: it lives a second; a loaded machine gets ample room.
const EXPIRY_TIMEOUT_MS = 10000;

let smtp;
let stack; // Gen 2's default lifetimes
let shortLived; // access and ID tokens of 1 second, refresh tokens of Gen 2's 30 days
let shortRefresh; // every token of 1 second
let serial = 0;

before(async () => {
  smtp = await startSmtpSink();
  [stack, shortLived, shortRefresh] = await Promise.all([
    startLauncher(smtp.port, ['--amplify-outputs', OUTPUTS]),
    startLauncher(smtp.port, ['--amplify-outputs', OUTPUTS, '--access-token-validity', '1', '--id-token-validity', '1']),
    startLauncher(smtp.port, ['--access-token-validity', '1', '--id-token-validity', '1', '--refresh-token-validity', '1']),
  ]);
});

after(async () => {
  await Promise.all([stack?.stop(), shortLived?.stop(), shortRefresh?.stop()]);
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
  const stored = (name) => [...store].find(([key]) => key.endsWith(`.${name}`))?.[1];
  return { auth: require('aws-amplify/auth'), storedRefreshToken: () => stored('refreshToken'), storedAccessToken: () => stored('accessToken') };
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
    [1, 1, 30, { AccessToken: 'seconds', IdToken: 'seconds', RefreshToken: 'days' }],
  );
  const shortest = await describe(shortRefresh, shortRefresh.clients.app);
  assert.deepEqual([shortest.RefreshTokenValidity, shortest.TokenValidityUnits.RefreshToken], [1, 'seconds']);
  const { access } = await deviceSignIn(await confirmedUser(shortLived), shortLived);
  assert.equal(payload(access).exp - payload(access).iat, 1);
});

// Every call that acts for the user its access token names, with a body otherwise acceptable.
const TOKEN_CALLS = {
  GetUser: {},
  UpdateUserAttributes: { UserAttributes: [{ Name: 'name', Value: 'Ada' }] },
  DeleteUserAttributes: { UserAttributeNames: ['name'] },
  ChangePassword: { PreviousPassword: PASSWORD, ProposedPassword: 'N3w-Horse-Battery!' },
  GetUserAttributeVerificationCode: { AttributeName: 'email' },
  VerifyUserAttribute: { AttributeName: 'email', Code: '123456' },
  SetUserMFAPreference: { SoftwareTokenMfaSettings: { Enabled: false } },
  AssociateSoftwareToken: {},
  VerifySoftwareToken: { UserCode: '123456' },
  GlobalSignOut: {},
  DeleteUser: {},
};
const assertEveryTokenCallRefuses = async (on, accessToken, message) => {
  for (const [operation, body] of Object.entries(TOKEN_CALLS)) {
    const answer = await call(on, operation, { ...body, AccessToken: accessToken });
    assert.deepEqual({ operation, status: answer.status, body: answer.body }, { operation, status: 400, body: { __type: 'NotAuthorizedException', message } });
  }
};

test('every call that takes an access token refuses one that is garbage, an ID token, signed by another key or altered with NotAuthorizedException "Invalid Access Token", like Cognito', async () => {
  const { access, session } = await deviceSignIn(await confirmedUser());
  const [h, p] = access.split('.');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const otherKey = `${h}.${p}.${createSign('RSA-SHA256').update(`${h}.${p}`).sign(privateKey, 'base64url')}`;
  const altered = `${h}.${Buffer.from(JSON.stringify({ ...payload(access), exp: payload(access).exp + 3600 })).toString('base64url')}.${access.split('.')[2]}`;
  for (const token of ['garbage', session.getIdToken().getJwtToken(), otherKey, altered]) {
    await assertEveryTokenCallRefuses(stack, token, 'Invalid Access Token');
  }
  assert.equal((await getUser(access)).status, 200, 'the real token still works');
});

test('an access token past its lifetime answers NotAuthorizedException "Access Token has expired" on every call that takes one; its refresh token still renews it', async () => {
  const { access, refresh: refreshToken } = await deviceSignIn(await confirmedUser(shortLived), shortLived);
  await refusedOnceExpired(() => getUser(access, shortLived), 'NotAuthorizedException', 'Access Token has expired');
  await assertEveryTokenCallRefuses(shortLived, access, 'Access Token has expired');
  const renewed = await refresh(refreshToken, shortLived);
  assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
  const { AccessToken, IdToken, RefreshToken, ExpiresIn, TokenType } = renewed.body.AuthenticationResult;
  assert.equal(payload(AccessToken).origin_jti, payload(access).origin_jti);
  assert.ok(payload(AccessToken).exp > payload(access).exp);
  assert.ok(IdToken);
  assert.equal(RefreshToken, undefined, 'not rotated');
  assert.deepEqual([ExpiresIn, TokenType], [1, 'Bearer']);
});

test('a refresh token past its lifetime answers NotAuthorizedException "Refresh Token has expired"', async () => {
  const { refresh: refreshToken } = await deviceSignIn(await confirmedUser(shortRefresh), shortRefresh);
  await refusedOnceExpired(() => refresh(refreshToken, shortRefresh), 'NotAuthorizedException', 'Refresh Token has expired');
});

test('Amplify JS fetchAuthSession({ forceRefresh: true }) renews the tokens (GetTokensFromRefreshToken): new jti, the same origin_jti and auth_time, the refresh token kept, and the new access token works', async () => {
  const email = await confirmedUser();
  const { auth, storedRefreshToken } = amplifyAuth();
  await auth.signIn({ username: email, password: PASSWORD });
  const before = (await auth.fetchAuthSession()).tokens;
  const refreshToken = storedRefreshToken();
  const since = stack.output.text.length;
  const after = (await auth.fetchAuthSession({ forceRefresh: true })).tokens;
  assert.notEqual(after.accessToken.payload.jti, before.accessToken.payload.jti);
  assert.equal(after.accessToken.payload.origin_jti, before.accessToken.payload.origin_jti);
  assert.equal(after.accessToken.payload.auth_time, before.accessToken.payload.auth_time);
  assert.equal(after.idToken.payload.email, email);
  assert.equal(storedRefreshToken(), refreshToken, 'not rotated');
  assert.equal((await getUser(after.accessToken.toString())).status, 200);
  await logged(stack, ' GetTokensFromRefreshToken 200\n', { since });
  await auth.signOut();
});

test('Amplify JS keeps a user signed in whose access token expired: fetchAuthSession() refreshes it by itself (an app reopened after the token\'s lifetime)', async () => {
  const email = await confirmedUser(shortLived);
  const { auth, storedAccessToken } = amplifyAuth(shortLived);
  await auth.signIn({ username: email, password: PASSWORD });
  const signedIn = storedAccessToken();
  const since = shortLived.output.text.length;
  await refusedOnceExpired(() => getUser(signedIn, shortLived), 'NotAuthorizedException', 'Access Token has expired');
  const again = (await auth.fetchAuthSession()).tokens;
  assert.ok(again, 'still signed in');
  assert.equal(again.accessToken.payload.origin_jti, payload(signedIn).origin_jti);
  assert.ok(again.accessToken.payload.exp > payload(signedIn).exp, 'renewed');
  assert.equal(again.idToken.payload.email, email);
  await logged(shortLived, ' GetTokensFromRefreshToken 200\n', { since });
  await auth.signOut();
});

test('Amplify JS signOut() revokes its own session (RevokeToken, as its tokens carry origin_jti): "Access Token has been revoked", "Refresh Token has been revoked"; the user\'s other device stays signed in', async () => {
  const email = await confirmedUser();
  const other = await deviceSignIn(email);
  const { auth, storedRefreshToken } = amplifyAuth();
  await auth.signIn({ username: email, password: PASSWORD });
  const access = (await auth.fetchAuthSession()).tokens.accessToken.toString();
  const refreshToken = storedRefreshToken();
  const since = stack.output.text.length;
  await auth.signOut();
  await logged(stack, ' RevokeToken 200\n', { since });
  await assertCognitoError(getUser(access), 'NotAuthorizedException', 'Access Token has been revoked');
  await assertCognitoError(refresh(refreshToken), 'NotAuthorizedException', 'Refresh Token has been revoked');
  await assertCognitoError(call(stack, 'GetTokensFromRefreshToken', { ClientId: stack.clients.app, RefreshToken: refreshToken }), 'NotAuthorizedException', 'Refresh Token has been revoked');
  assert.equal((await getUser(other.access)).status, 200);
  assert.equal((await refresh(other.refresh)).status, 200);
});

test('Amplify JS signOut({ global: true }) (GlobalSignOut) revokes every session of the user: the other device\'s access token "Access Token has been revoked", its refresh (amazon-cognito-identity-js) "Refresh Token has been revoked"; signing in again works', async () => {
  const email = await confirmedUser();
  const other = await deviceSignIn(email);
  const { auth } = amplifyAuth();
  await auth.signIn({ username: email, password: PASSWORD });
  const since = stack.output.text.length;
  await auth.signOut({ global: true });
  await logged(stack, ' GlobalSignOut 200\n', { since });
  await assertCognitoError(getUser(other.access), 'NotAuthorizedException', 'Access Token has been revoked');
  const refused = await new Promise((resolve) => other.user.refreshSession(other.session.getRefreshToken(), (err) => resolve(err && { name: err.code, message: err.message })));
  assert.deepEqual(refused, { name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  assert.equal((await getUser((await deviceSignIn(email)).access)).status, 200);
});

test('amazon-cognito-identity-js signOut() revokes the session it holds (RevokeToken); a token RevokeToken does not take is UnsupportedTokenTypeException', async () => {
  const device = await deviceSignIn(await confirmedUser());
  await new Promise((resolve, reject) => device.user.signOut((err) => (err ? reject(err) : resolve())));
  await assertCognitoError(getUser(device.access), 'NotAuthorizedException', 'Access Token has been revoked');
  await assertCognitoError(refresh(device.refresh), 'NotAuthorizedException', 'Refresh Token has been revoked');
  const another = await deviceSignIn(await confirmedUser());
  await assertCognitoError(call(stack, 'RevokeToken', { ClientId: stack.clients.app, Token: another.access }), 'UnsupportedTokenTypeException', 'The token is not a refresh token.');
});

test('a refresh token that is not one, or another client\'s, answers NotAuthorizedException "Invalid Refresh Token", like Cognito', async () => {
  const device = await deviceSignIn(await confirmedUser());
  await assertCognitoError(refresh('not-a-refresh-token'), 'NotAuthorizedException', 'Invalid Refresh Token');
  await assertCognitoError(refresh(device.refresh, stack, stack.clients.revealsUserExistence), 'NotAuthorizedException', 'Invalid Refresh Token');
  await assertCognitoError(
    call(stack, 'AdminInitiateAuth', { UserPoolId: stack.userPoolId, ClientId: stack.clients.app, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: 'not-a-refresh-token' } }),
    'NotAuthorizedException',
    'Invalid Refresh Token',
  );
});

test('AdminUserGlobalSignOut revokes every session of the user, as GlobalSignOut does', async () => {
  const email = await confirmedUser();
  const device = await deviceSignIn(email);
  await ok(stack, 'AdminUserGlobalSignOut', { UserPoolId: stack.userPoolId, Username: email });
  await assertCognitoError(getUser(device.access), 'NotAuthorizedException', 'Access Token has been revoked');
  await assertCognitoError(refresh(device.refresh), 'NotAuthorizedException', 'Refresh Token has been revoked');
});

test('a user an admin disabled: access tokens revoked, refresh NotAuthorizedException "User is disabled.", so Amplify\'s fetchAuthSession finds no session; enabled again, the refresh token works', async () => {
  const email = await confirmedUser();
  const { auth, storedRefreshToken } = amplifyAuth();
  await auth.signIn({ username: email, password: PASSWORD });
  const access = (await auth.fetchAuthSession()).tokens.accessToken.toString();
  const refreshToken = storedRefreshToken();
  await ok(stack, 'AdminDisableUser', { UserPoolId: stack.userPoolId, Username: email });
  await assertCognitoError(getUser(access), 'NotAuthorizedException', 'Access Token has been revoked');
  await assertCognitoError(refresh(refreshToken), 'NotAuthorizedException', 'User is disabled.');
  const { Hub } = require('aws-amplify/utils');
  const failures = [];
  const stop = Hub.listen('auth', ({ payload: { event, data } }) => event === 'tokenRefresh_failure' && failures.push({ name: data.error.name, message: data.error.message }));
  const session = await auth.fetchAuthSession({ forceRefresh: true });
  stop();
  assert.equal(session.tokens, undefined);
  assert.deepEqual(failures, [{ name: 'NotAuthorizedException', message: 'User is disabled.' }]);
  await ok(stack, 'AdminEnableUser', { UserPoolId: stack.userPoolId, Username: email });
  assert.equal((await refresh(refreshToken)).status, 200);
});

test('a user an admin deleted: refresh answers UserNotFoundException "User does not exist." and Amplify\'s fetchAuthSession clears the session; the old access token gets the same answer', async () => {
  const email = await confirmedUser();
  const { auth, storedRefreshToken } = amplifyAuth();
  await auth.signIn({ username: email, password: PASSWORD });
  const access = (await auth.fetchAuthSession()).tokens.accessToken.toString();
  const refreshToken = storedRefreshToken();
  await ok(stack, 'AdminDeleteUser', { UserPoolId: stack.userPoolId, Username: email });
  await assertCognitoError(refresh(refreshToken), 'UserNotFoundException', 'User does not exist.');
  await assertCognitoError(getUser(access), 'UserNotFoundException', 'User does not exist.');
  assert.deepEqual(await amplifyError(auth.fetchAuthSession({ forceRefresh: true })), { error: { name: 'UserNotFoundException', message: 'User does not exist.' } });
  assert.equal((await auth.fetchAuthSession()).tokens, undefined);
});

test('Cognito Identity refuses an ID token past its lifetime: NotAuthorizedException "Invalid login token. Token expired: <now> >= <exp>"', async () => {
  const { session } = await deviceSignIn(await confirmedUser(shortLived), shortLived);
  const idToken = session.getIdToken().getJwtToken();
  const provider = shortLived.issuer.replace('https://', '');
  await withHostsMapped(shortLived, async (mapped) => {
    const getId = async () => {
      const response = await fetch(`https://${shortLived.tls.hosts[1]}/`, {
        dispatcher: mapped,
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.GetId' },
        body: JSON.stringify({ IdentityPoolId: shortLived.identityPoolId, Logins: { [provider]: idToken } }),
      });
      return { status: response.status, body: await response.json() };
    };
    let answer;
    for (const start = Date.now(); Date.now() - start < EXPIRY_TIMEOUT_MS && (answer = await getId()).status === 200; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(answer.body.__type, 'NotAuthorizedException');
    assert.match(answer.body.message, /^Invalid login token\. Token expired: \d+ >= \d+$/);
  });
});
