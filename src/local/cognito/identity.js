'use strict';

// Cognito Identity (x-amz-target AWSCognitoIdentityService.<Op>) as far as Amplify JS's
// fetchAuthSession uses it: GetId, then GetCredentialsForIdentity. No AWS service is behind the
// credentials; they only have Cognito's shape.

const { randomBytes, randomUUID } = require('node:crypto');
const { cognitoError } = require('./errors');

// Cognito's default for GetCredentialsForIdentity: an hour.
const CREDENTIALS_LIFETIME_SECONDS = 3600;

const notAuthorized = (message) => cognitoError('NotAuthorizedException', message);
const invalidLoginToken = (why) => notAuthorized(`Invalid login token. ${why}`);

const decodePart = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

// What a token says, unchecked: the issuer picks the provider whose keys verify it.
const claimedIssuer = (token) => {
  try {
    return decodePart(token.split('.')[1]).iss;
  } catch {
    return undefined;
  }
};

// Temporary credentials in STS's shapes: ASIA + 16 base32 characters, a 40-character secret.
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const accessKeyId = () => `ASIA${[...randomBytes(16)].map((b) => BASE32[b % 32]).join('')}`;

/**
 * Cognito Identity for the pool the app's outputs name. `pool` is { region, identityPoolId,
 * unauthenticatedIdentities, userPoolId, issuer, signedClaims(token) (the claims of a token the
 * pool signed, else null), clientIds() }; `clock` is cognito-local's.
 * Resolves to the response or rejects with a CognitoError, like the user pool API.
 */
const identityApi = (pool, clock) => {
  // Identity ids are `<region>:<uuid>`, one per user (sub) for good; guests get one each.
  const identities = new Map(); // identity id -> { sub } (sub null for a guest)
  const identityOfSub = new Map();
  const provider = pool.issuer.replace(/^https:\/\//, '');
  const now = () => Math.floor(clock.get().getTime() / 1000);

  const checkPool = (identityPoolId) => {
    if (!pool.identityPoolId || identityPoolId !== pool.identityPoolId) {
      throw cognitoError('ResourceNotFoundException', `IdentityPool '${identityPoolId}' not found.`);
    }
  };

  /** The user (sub) the Logins map proves, null when it names none; NotAuthorizedException for a bad one. */
  const userOf = async (logins) => {
    const entries = Object.entries(logins ?? {});
    if (entries.length === 0) return null;
    if (entries.length > 1 || entries[0][0] !== provider) {
      throw notAuthorized('Token is not from a supported provider of this identity pool.');
    }
    const issuer = claimedIssuer(entries[0][1]);
    if (issuer !== undefined && issuer !== pool.issuer) throw invalidLoginToken("Issuer doesn't match providerName");
    const claims = pool.signedClaims(entries[0][1]);
    if (!claims || claims.token_use !== 'id') throw invalidLoginToken('Not a valid OpenId Connect identity token.');
    if (!(await pool.clientIds()).includes(claims.aud)) throw invalidLoginToken('Incorrect token audience.');
    if (typeof claims.exp !== 'number' || now() >= claims.exp) {
      throw invalidLoginToken(`Token expired: ${now()} >= ${claims.exp}`);
    }
    return claims.sub;
  };

  const newIdentity = (sub) => {
    const id = `${pool.region}:${randomUUID()}`;
    identities.set(id, { sub });
    if (sub) identityOfSub.set(sub, id);
    return id;
  };

  const guestsAllowed = () => {
    if (!pool.unauthenticatedIdentities) {
      throw notAuthorized('Unauthenticated access is not supported for this identity pool.');
    }
  };

  const targets = {
    async GetId(req) {
      checkPool(req.IdentityPoolId);
      const sub = await userOf(req.Logins);
      if (sub) return { IdentityId: identityOfSub.get(sub) ?? newIdentity(sub) };
      guestsAllowed();
      return { IdentityId: newIdentity(null) };
    },

    async GetCredentialsForIdentity(req) {
      const identity = identities.get(req.IdentityId);
      if (!identity) throw cognitoError('ResourceNotFoundException', `Identity '${req.IdentityId}' not found.`);
      const sub = await userOf(req.Logins);
      let identityId = req.IdentityId;
      if (sub) {
        if (identity.sub && identity.sub !== sub) {
          throw notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool.");
        }
        if (!identity.sub) {
          // A guest signing in: Cognito links the login to the guest identity, or answers with the
          // identity the user already has (Amplify then keeps the one answered).
          const own = identityOfSub.get(sub);
          if (own) identityId = own;
          else {
            identity.sub = sub;
            identityOfSub.set(sub, identityId);
          }
        }
      } else if (identity.sub) {
        throw notAuthorized(`Access to Identity '${req.IdentityId}' is forbidden.`);
      } else {
        guestsAllowed();
      }
      return {
        IdentityId: identityId,
        Credentials: {
          AccessKeyId: accessKeyId(),
          SecretKey: randomBytes(30).toString('base64'),
          SessionToken: randomBytes(360).toString('base64'),
          Expiration: now() + CREDENTIALS_LIFETIME_SECONDS,
        },
      };
    },
  };

  return async (ctx, operation, request) => {
    if (!Object.hasOwn(targets, operation)) {
      throw cognitoError('UnknownOperationException', `Operation ${operation} is not supported by the local stack`);
    }
    return targets[operation](request);
  };
};

module.exports = { identityApi };
