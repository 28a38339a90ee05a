'use strict';

// The pool's sessions as Cognito keeps them: tokens signed with the pool's own RS256 key (published
// as its JWKS), a refresh token per sign-in, and the revocations GlobalSignOut, RevokeToken and
// AdminDisableUser make. Kept in memory: the launcher makes the pool afresh at every start.
//
// Token contents: https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
// and ...-using-the-id-token.html; revocation: https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html

const { createHash, generateKeyPairSync, randomBytes, randomUUID, sign, verify } = require('node:crypto');
const { attributeValue } = require('cognito-local/lib/services/userPoolService');
const { cognitoError } = require('./errors');

const notAuthorized = (message) => cognitoError('NotAuthorizedException', message);

// Seconds per TokenValidityUnits value; Cognito's default units are hours for the access and ID
// tokens and days for the refresh token (API reference, TokenValidityUnitsType).
const UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
// Cognito's lifetimes for a client that sets none (and Gen 2's): 60 minutes, 60 minutes, 30 days.
const DEFAULT_VALIDITY = { AccessToken: 3600, IdToken: 3600, RefreshToken: 30 * 86400 };
const VALIDITY_KEY = { AccessToken: 'AccessTokenValidity', IdToken: 'IdTokenValidity', RefreshToken: 'RefreshTokenValidity' };
const DEFAULT_UNIT = { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' };

/** How long a client's token of `kind` (AccessToken, IdToken, RefreshToken) lives, in seconds. */
const lifetimeSeconds = (client, kind) => {
  const value = client[VALIDITY_KEY[kind]];
  if (value === undefined || value === null) return DEFAULT_VALIDITY[kind];
  return value * UNIT_SECONDS[client.TokenValidityUnits?.[kind] ?? DEFAULT_UNIT[kind]];
};

const base64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const decodePart = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

// The ID token carries the user's attributes; Cognito writes the *_verified ones as booleans.
const idTokenAttributes = (user) =>
  Object.fromEntries(
    (user.Attributes ?? [])
      .filter(({ Name }) => Name !== 'sub')
      .map(({ Name, Value }) => [Name, Name.endsWith('_verified') ? Value === 'true' : Value]),
  );

/**
 * `issuerDomain` is https://cognito-idp.<region>.amazonaws.com; `clock` is cognito-local's.
 * `generate` is cognito-local's TokenGenerator interface, so every sign-in it completes starts a
 * session here.
 */
const sessions = (clock, { issuerDomain }) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // Cognito's key ids are base64 strings; this one is the key's own fingerprint.
  const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  const byRefreshToken = new Map(); // refresh token -> session
  const revokedOrigins = new Set(); // origin_jti of sessions whose access tokens are revoked
  const now = () => Math.floor(clock.get().getTime() / 1000);
  const { n, e } = publicKey.export({ format: 'jwk' });

  const signed = (claims) => {
    const unsigned = `${base64url({ kid, alg: 'RS256' })}.${base64url(claims)}`;
    return `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
  };

  const verifiedClaims = (token) => {
    const parts = typeof token === 'string' ? token.split('.') : [];
    if (parts.length !== 3) return null;
    try {
      const header = decodePart(parts[0]);
      const good = header.alg === 'RS256' && header.kid === kid && verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, Buffer.from(parts[2], 'base64url'));
      return good ? decodePart(parts[1]) : null;
    } catch {
      return null; // not a JWT at all
    }
  };

  // Cognito's refresh token is encrypted (a JWE) and means nothing to a client; this one is random
  // in the same five-part shape, and names its session here.
  const opaqueRefreshToken = () =>
    [base64url({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' }), 256, 12, 1024, 16].map((p) => (typeof p === 'number' ? randomBytes(p).toString('base64url') : p)).join('.');

  /** Access and ID tokens for a session's user, as Cognito issues them at sign-in and at each refresh. */
  const tokensFor = (session, user, groups, client) => {
    const iat = now();
    const iss = `${issuerDomain}/${client.UserPoolId}`;
    const sub = attributeValue('sub', user.Attributes);
    const eventId = randomUUID();
    const common = { sub, ...(groups.length && { 'cognito:groups': groups }), iss };
    const accessToken = signed({
      ...common,
      client_id: client.ClientId,
      origin_jti: session.originJti,
      event_id: eventId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: session.authTime,
      exp: iat + lifetimeSeconds(client, 'AccessToken'),
      iat,
      jti: randomUUID(),
      username: user.Username,
    });
    const idToken = signed({
      ...common,
      ...idTokenAttributes(user),
      'cognito:username': user.Username,
      origin_jti: session.originJti,
      aud: client.ClientId,
      event_id: eventId,
      token_use: 'id',
      auth_time: session.authTime,
      exp: iat + lifetimeSeconds(client, 'IdToken'),
      iat,
      jti: randomUUID(),
    });
    return { AccessToken: accessToken, IdToken: idToken, ExpiresIn: lifetimeSeconds(client, 'AccessToken'), TokenType: 'Bearer' };
  };

  return {
    /** The pool's public keys, as https://cognito-idp.<region>.amazonaws.com/<pool>/.well-known/jwks.json serves them. */
    jwks: () => ({ keys: [{ alg: 'RS256', e, kid, kty: 'RSA', n, use: 'sig' }] }),

    /** A sign-in: a new session (origin_jti) with its refresh token. cognito-local's TokenGenerator interface. */
    async generate(ctx, user, groups, client) {
      const session = {
        originJti: randomUUID(),
        refreshToken: opaqueRefreshToken(),
        poolId: client.UserPoolId,
        clientId: client.ClientId,
        sub: attributeValue('sub', user.Attributes),
        authTime: now(),
        expires: now() + lifetimeSeconds(client, 'RefreshToken'),
        revoked: false,
      };
      byRefreshToken.set(session.refreshToken, session);
      return { ...tokensFor(session, user, groups, client), RefreshToken: session.refreshToken };
    },

    /**
     * The live session a refresh token names for `clientId`, else NotAuthorizedException in
     * Cognito's words. The user is looked up by the caller (deleted or disabled users fail there).
     */
    session(refreshToken, clientId) {
      const session = byRefreshToken.get(refreshToken);
      if (!session || session.clientId !== clientId) throw notAuthorized('Invalid Refresh Token');
      if (session.revoked) throw notAuthorized('Refresh Token has been revoked');
      if (now() >= session.expires) throw notAuthorized('Refresh Token has expired');
      return session;
    },

    /** New access and ID tokens from a session (the refresh token stays: Gen 2's client does not rotate it). */
    refreshed: (session, user, groups, client) => tokensFor(session, user, groups, client),

    /**
     * The claims of an access token this pool issued that is still good, else NotAuthorizedException
     * as Cognito words it: "Invalid Access Token", "Access Token has expired", "Access Token has been revoked".
     */
    accessClaims(token) {
      const claims = verifiedClaims(token);
      if (!claims || claims.token_use !== 'access' || !claims.iss?.startsWith(`${issuerDomain}/`)) {
        throw notAuthorized('Invalid Access Token');
      }
      if (now() >= claims.exp) throw notAuthorized('Access Token has expired');
      if (revokedOrigins.has(claims.origin_jti)) throw notAuthorized('Access Token has been revoked');
      return claims;
    },

    /** The claims of a token this pool signed (the signature only; the caller checks the rest), else null. */
    signedClaims: (token) => verifiedClaims(token),

    /** RevokeToken: the refresh token and every access token issued from it. Null when no such token of `clientId`. */
    revoke(refreshToken, clientId) {
      const session = byRefreshToken.get(refreshToken);
      if (!session || session.clientId !== clientId) return null;
      session.revoked = true;
      revokedOrigins.add(session.originJti);
      return session;
    },

    /** GlobalSignOut, AdminUserGlobalSignOut: every refresh token of the user and the access tokens they issued. */
    signOutEverywhere(poolId, sub) {
      for (const session of byRefreshToken.values()) {
        if (session.poolId === poolId && session.sub === sub) {
          session.revoked = true;
          revokedOrigins.add(session.originJti);
        }
      }
    },

    /** AdminDisableUser: the user's access tokens; refresh tokens then fail on the disabled user. */
    revokeAccessTokens(poolId, sub) {
      for (const session of byRefreshToken.values()) {
        if (session.poolId === poolId && session.sub === sub) revokedOrigins.add(session.originJti);
      }
    },
  };
};

module.exports = { sessions, lifetimeSeconds };
