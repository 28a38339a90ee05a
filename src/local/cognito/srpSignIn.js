'use strict';

const { createHmac, randomBytes } = require('node:crypto');
const { incorrectCredentials, invalidParameter, userDoesNotExist } = require('./errors');
const { startChallenge, signatureMatches } = require('./srp');

// Cognito's default AuthSessionValidity: a challenge must be answered within 3 minutes.
const CHALLENGE_LIFETIME_MS = 3 * 60 * 1000;

// The part of the pool id after the region, which Cognito's clients put in every SRP hash.
const poolNameOf = (poolId) => poolId.split('_')[1];

/**
 * USER_SRP_AUTH as Cognito answers it: InitiateAuth with SRP_A gets a PASSWORD_VERIFIER challenge,
 * RespondToAuthChallenge proves the password with PASSWORD_CLAIM_SIGNATURE. The stand-in keeps
 * plaintext passwords (cognito-local does), so the verifier is computed when the challenge starts.
 * Cognito's SECRET_BLOCK is an opaque blob; here it names the challenge kept in memory.
 */
const srpSignIn = (clock) => {
  const challenges = new Map();
  // Cognito answers the same salt, and for an unknown user the same made-up user id (a UUID, as a
  // user's own id is on an email pool), every time a name is tried in a pool, so a caller cannot
  // tell an unknown user from a known one (https://docs.aws.amazon.com/cognito/latest/developerguide/
  // cognito-user-pool-managing-errors.html, "Secure Remote Password (SRP) based authentication";
  // RFC 5054 2.5.1.3). Both are derived from a secret of this run.
  const secret = randomBytes(32);
  const derived = (...parts) => createHmac('sha256', secret).update(parts.join('\u0000')).digest();
  const saltOf = (poolId, userIdForSrp) => derived('salt', poolId, userIdForSrp).subarray(0, 16).toString('hex');
  const madeUpUserId = (pool, username) => {
    const name = pool.options.UsernameConfiguration?.CaseSensitive === false ? username.toLowerCase() : username;
    const hex = Buffer.from(derived('user', pool.options.Id, name).subarray(0, 16));
    hex[6] = (hex[6] & 0x0f) | 0x40; // version 4
    hex[8] = (hex[8] & 0x3f) | 0x80; // RFC 4122 variant
    const h = hex.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };

  const forget = (now) => {
    for (const [block, challenge] of challenges) {
      if (challenge.expires <= now) challenges.delete(block);
    }
  };

  return {
    async start(ctx, req, pool, hidesUsers) {
      const username = req.AuthParameters?.USERNAME;
      if (!username) throw invalidParameter('Missing required parameter USERNAME');
      if (!req.AuthParameters.SRP_A) throw invalidParameter('Missing required parameter SRP_A');
      const user = await pool.getUserByUsername(ctx, username);
      // With existence errors hidden an unknown user gets a challenge like anyone's, which no
      // password can answer; a LEGACY client says at once that the user does not exist.
      if (!user && !hidesUsers) throw userDoesNotExist();
      const poolName = poolNameOf(pool.options.Id);
      const userIdForSrp = user ? user.Username : madeUpUserId(pool, username);
      const saltHex = saltOf(pool.options.Id, userIdForSrp);
      const challenge = startChallenge({ poolName, userIdForSrp, password: user?.Password, saltHex, srpA: req.AuthParameters.SRP_A });
      if (!challenge) throw invalidParameter('SRP_A is not a valid SRP value');
      const now = clock.get().getTime();
      forget(now);
      const secretBlock = randomBytes(64).toString('base64');
      challenges.set(secretBlock, { ...challenge, clientId: req.ClientId, poolName, userIdForSrp, user, expires: now + CHALLENGE_LIFETIME_MS });
      return {
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeParameters: {
          SALT: challenge.saltHex,
          SECRET_BLOCK: secretBlock,
          SRP_B: challenge.srpB,
          USERNAME: userIdForSrp,
          USER_ID_FOR_SRP: userIdForSrp,
        },
      };
    },

    /** The user whose password the answer proves; NotAuthorizedException for any other answer. */
    async verify(ctx, req, pool) {
      const answer = req.ChallengeResponses ?? {};
      for (const name of ['USERNAME', 'PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP']) {
        if (!answer[name]) throw invalidParameter(`Missing required parameter ${name}`);
      }
      forget(clock.get().getTime());
      const challenge = challenges.get(answer.PASSWORD_CLAIM_SECRET_BLOCK);
      // One answer per challenge, right or wrong, as a new sign-in starts a new one.
      challenges.delete(answer.PASSWORD_CLAIM_SECRET_BLOCK);
      const proven =
        challenge &&
        challenge.user &&
        challenge.clientId === req.ClientId &&
        challenge.userIdForSrp === answer.USERNAME &&
        signatureMatches(challenge, {
          poolName: challenge.poolName,
          userIdForSrp: challenge.userIdForSrp,
          secretBlock: answer.PASSWORD_CLAIM_SECRET_BLOCK,
          timestamp: answer.TIMESTAMP,
          signature: answer.PASSWORD_CLAIM_SIGNATURE,
        });
      if (!proven) throw incorrectCredentials();
      // The password may have changed since the challenge started; the proof was for the old one.
      const user = await pool.getUserByUsername(ctx, challenge.user.Username);
      if (!user || user.Password !== challenge.user.Password) throw incorrectCredentials();
      return user;
    },
  };
};

module.exports = { srpSignIn };
