'use strict';

// Multi-factor and passwordless sign-in as Cognito answers them, for the factors the pool offers
// (its shape: mfa NONE/OPTIONAL/REQUIRED, methods TOTP/SMS/EMAIL, emailOtp as a first factor).
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
// https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html
// Challenge sessions and not-yet-verified TOTP secrets are kept in memory; a verified secret and the
// user's MFA settings are kept on the user, as cognito-local keeps users.

const { createHmac, randomBytes, randomInt, timingSafeEqual } = require('node:crypto');
const { attribute, attributeValue, attributesAppend } = require('cognito-local/lib/services/userPoolService');
const { cognitoError, invalidParameter } = require('./errors');

// Cognito's default AuthSessionValidity: a challenge must be answered within 3 minutes.
const SESSION_LIFETIME_MS = 3 * 60 * 1000;
// RFC 6238 as authenticator apps use it with Cognito: HMAC-SHA1, 30-second steps, 6 digits; the
// steps just before and after the current one are taken too, for clock drift.
const TOTP_STEP_SECONDS = 30;
const TOTP_DIGITS = 6;
const TOTP_DRIFT_STEPS = 1;
// SMS MFA codes have 6 digits; email sign-in codes 8 (Cognito's fixed length, amplify-js#14428).
const CODE_DIGITS = { SMS_MFA: 6, EMAIL_OTP: 8 };

// The outputs' names of the methods and Cognito's of their challenges and settings.
const CHALLENGE = { TOTP: 'SOFTWARE_TOKEN_MFA', SMS: 'SMS_MFA', EMAIL: 'EMAIL_OTP' };
const SETTINGS = { SoftwareTokenMfaSettings: 'SOFTWARE_TOKEN_MFA', SMSMfaSettings: 'SMS_MFA', EmailMfaSettings: 'EMAIL_OTP' };
const ANSWER = { SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE', SMS_MFA: 'SMS_MFA_CODE', EMAIL_OTP: 'EMAIL_OTP_CODE' };
const MFA_CHALLENGES = ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP', 'SELECT_MFA_TYPE', 'MFA_SETUP'];

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const base32 = (bytes) => {
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  return bits.match(/.{1,5}/g).map((chunk) => BASE32[parseInt(chunk.padEnd(5, '0'), 2)]).join('');
};
const fromBase32 = (text) => {
  const bits = [...text.toUpperCase()].map((c) => BASE32.indexOf(c).toString(2).padStart(5, '0')).join('');
  return Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
};

/** The RFC 6238 code of `secret` (base32) for the time step `step`. */
const totpAt = (secret, step) => {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', fromBase32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** TOTP_DIGITS).padStart(TOTP_DIGITS, '0');
};
const sameText = (a, b) => typeof a === 'string' && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

// Cognito shows where a code went only in part: e***@e*** and +*******1234.
const maskEmail = (email) => {
  const [local, domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
};
const maskPhone = (phone) => `+${'*'.repeat(Math.max(phone.length - 5, 0))}${phone.slice(-4)}`;

const codeMismatch = () => cognitoError('CodeMismatchException', 'Invalid code received for user');
const sessionExpired = () => cognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.');

/**
 * `shapes` maps a pool id to its shape; a pool made later through CreateUserPool has MFA off and no
 * passwordless. `issueTokens(ctx, pool, client, user)` completes a sign-in.
 */
const signInFactors = ({ cognito, clock, messages }, shapes, issueTokens) => {
  const sessions = new Map(); // Session -> { poolId, clientId, username, challenge, expires, ... }
  const pendingSecrets = new Map(); // `${poolId}/${username}` -> secret associated by access token, not verified yet
  const now = () => clock.get().getTime();

  const shapeOf = (pool) => shapes[pool.options.Id] ?? { mfa: 'NONE', methods: [], emailOtp: false };
  const offered = (pool) => shapeOf(pool).methods.map((method) => CHALLENGE[method]);

  const newSession = (state) => {
    for (const [id, s] of sessions) if (s.expires <= now()) sessions.delete(id);
    const id = randomBytes(96).toString('base64');
    sessions.set(id, { expires: now() + SESSION_LIFETIME_MS, ...state });
    return id;
  };
  /** The live session `id` for a challenge of client `clientId`, taken out of the map (a new one goes on). */
  const takeSession = (id, clientId, challenges) => {
    const state = sessions.get(id);
    if (!state || state.expires <= now() || state.clientId !== clientId || !challenges.includes(state.challenge)) throw sessionExpired();
    sessions.delete(id);
    return state;
  };

  const totpMatches = (secret, code) => {
    const step = Math.floor(now() / 1000 / TOTP_STEP_SECONDS);
    let match = false;
    for (let drift = -TOTP_DRIFT_STEPS; drift <= TOTP_DRIFT_STEPS; drift++) match = sameText(code, totpAt(secret, step + drift)) || match;
    return match;
  };

  const enabledFactors = (pool, user) => (user.UserMFASettingList ?? []).filter((name) => offered(pool).includes(name));

  /** Sends a code by SMS or email for `challenge` and answers the challenge with where it went. */
  const sendCode = async (ctx, pool, clientId, user, challenge, state) => {
    const sms = challenge === 'SMS_MFA';
    const destination = attributeValue(sms ? 'phone_number' : 'email', user.Attributes);
    const code = String(randomInt(10 ** CODE_DIGITS[challenge])).padStart(CODE_DIGITS[challenge], '0');
    const delivery = { AttributeName: sms ? 'phone_number' : 'email', DeliveryMedium: sms ? 'SMS' : 'EMAIL', Destination: destination };
    await messages.deliver(ctx, 'Authentication', clientId, pool.options.Id, user, code, undefined, delivery);
    return {
      ChallengeName: challenge,
      Session: newSession({ ...state, challenge, code }),
      ChallengeParameters: {
        CODE_DELIVERY_DELIVERY_MEDIUM: delivery.DeliveryMedium,
        CODE_DELIVERY_DESTINATION: sms ? maskPhone(destination) : maskEmail(destination),
        USER_ID_FOR_SRP: user.Username,
      },
    };
  };

  /** The challenge a factor's sign-in starts with. */
  const factorChallenge = async (ctx, pool, clientId, user, challenge, state) =>
    challenge === 'SOFTWARE_TOKEN_MFA'
      ? { ChallengeName: challenge, Session: newSession({ ...state, challenge }), ChallengeParameters: { USER_ID_FOR_SRP: user.Username } }
      : sendCode(ctx, pool, clientId, user, challenge, state);

  /**
   * What follows a proven password for a confirmed user: tokens, or the MFA challenge Cognito
   * chooses — the preferred factor; SELECT_MFA_TYPE among several; with MFA required and none set
   * up, SMS to a phone number, else email, else MFA_SETUP.
   */
  const afterPassword = async (ctx, pool, client, user, admin = false) => {
    const shape = shapeOf(pool);
    const state = { poolId: pool.options.Id, clientId: client.ClientId, username: user.Username, admin };
    const enabled = shape.mfa === 'NONE' ? [] : enabledFactors(pool, user);
    if (enabled.length > 0) {
      const preferred = enabled.includes(user.PreferredMfaSetting) ? user.PreferredMfaSetting : enabled.length === 1 ? enabled[0] : undefined;
      if (preferred) return factorChallenge(ctx, pool, client.ClientId, user, preferred, state);
      return {
        ChallengeName: 'SELECT_MFA_TYPE',
        Session: newSession({ ...state, challenge: 'SELECT_MFA_TYPE', choices: enabled }),
        ChallengeParameters: { MFAS_CAN_CHOOSE: JSON.stringify(enabled), USER_ID_FOR_SRP: user.Username },
      };
    }
    if (shape.mfa !== 'REQUIRED') return issueTokens(ctx, pool, client, user);
    if (shape.methods.includes('SMS') && attributeValue('phone_number', user.Attributes)) return sendCode(ctx, pool, client.ClientId, user, 'SMS_MFA', state);
    if (shape.methods.includes('EMAIL') && attributeValue('email', user.Attributes)) return sendCode(ctx, pool, client.ClientId, user, 'EMAIL_OTP', state);
    return {
      ChallengeName: 'MFA_SETUP',
      Session: newSession({ ...state, challenge: 'MFA_SETUP' }),
      ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(offered(pool)), USER_ID_FOR_SRP: user.Username },
    };
  };

  const userOf = async (ctx, state) => {
    const pool = await cognito.getUserPool(ctx, state.poolId);
    const user = await pool.getUserByUsername(ctx, state.username);
    if (!user) throw sessionExpired();
    return { pool, user, client: await cognito.getAppClient(ctx, state.clientId) };
  };

  /** RespondToAuthChallenge / AdminRespondToAuthChallenge for the challenges above. */
  const respond = async (ctx, req, admin) => {
    const answers = req.ChallengeResponses ?? {};
    if (!answers.USERNAME) throw invalidParameter('Missing required parameter USERNAME');
    const state = takeSession(req.Session, req.ClientId, [req.ChallengeName]);
    if (state.admin !== admin) throw sessionExpired();
    const again = () => sessions.set(req.Session, state); // a wrong code may be tried again in the same session
    if (state.pretended) {
      again();
      throw codeMismatch();
    }
    const { pool, user, client } = await userOf(ctx, state);
    const named = await pool.getUserByUsername(ctx, answers.USERNAME);
    if (named?.Username !== user.Username) throw sessionExpired();
    switch (req.ChallengeName) {
      case 'SOFTWARE_TOKEN_MFA':
      case 'SMS_MFA':
      case 'EMAIL_OTP': {
        const code = answers[ANSWER[req.ChallengeName]];
        if (!code) {
          again();
          throw invalidParameter(`Missing required parameter ${ANSWER[req.ChallengeName]}`);
        }
        const right = req.ChallengeName === 'SOFTWARE_TOKEN_MFA' ? totpMatches(user.SoftwareTokenMfaConfiguration?.Secret ?? '', code) : sameText(code, state.code);
        if (!right) {
          again();
          throw codeMismatch();
        }
        // An unverified phone number used for SMS MFA is verified once MFA succeeds (user-pool-settings-mfa.html).
        if (req.ChallengeName === 'SMS_MFA' && attributeValue('phone_number_verified', user.Attributes) !== 'true') {
          const verified = { ...user, Attributes: attributesAppend(user.Attributes, attribute('phone_number_verified', 'true')) };
          await pool.saveUser(ctx, verified);
          return issueTokens(ctx, pool, client, verified);
        }
        return issueTokens(ctx, pool, client, user);
      }
      case 'SELECT_MFA_TYPE': {
        if (!state.choices.includes(answers.ANSWER)) {
          again();
          throw invalidParameter(`Invalid ANSWER: ${answers.ANSWER} is not one of ${state.choices.join(', ')}`);
        }
        return factorChallenge(ctx, pool, client.ClientId, user, answers.ANSWER, state);
      }
      case 'MFA_SETUP': {
        if (!state.verifiedSecret) {
          again();
          throw invalidParameter('Software token MFA is not set up for the user; call AssociateSoftwareToken and VerifySoftwareToken with the Session first');
        }
        const settings = { ...user, UserMFASettingList: [...new Set([...(user.UserMFASettingList ?? []), 'SOFTWARE_TOKEN_MFA'])], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' };
        await pool.saveUser(ctx, settings);
        return issueTokens(ctx, pool, client, settings);
      }
      default:
        throw invalidParameter(`Unexpected challenge ${req.ChallengeName}`);
    }
  };

  /** The user an access token names (claims already checked), with their pool. */
  const tokenUser = async (ctx, claims) => {
    const pool = await cognito.getUserPool(ctx, claims.iss.slice(claims.iss.lastIndexOf('/') + 1));
    const user = await pool.getUserByUsername(ctx, claims.username);
    if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.');
    return { pool, user };
  };

  // The factors a preference request turns on and off, as Cognito applies them: a preferred factor
  // is also enabled and the only preferred one; a disabled one is no longer preferred.
  const applyPreference = async (ctx, pool, user, req) => {
    const enabled = new Set(user.UserMFASettingList ?? []);
    let preferred = user.PreferredMfaSetting;
    for (const [key, factor] of Object.entries(SETTINGS)) {
      const setting = req[key];
      if (!setting) continue;
      if (setting.Enabled || setting.PreferredMfa) {
        if (!offered(pool).includes(factor)) throw invalidParameter(`${factor} is not enabled for the user pool.`);
        if (factor === 'SOFTWARE_TOKEN_MFA' && !user.SoftwareTokenMfaConfiguration?.Secret) throw invalidParameter('User has not verified software token mfa');
        if (factor === 'SMS_MFA' && !attributeValue('phone_number', user.Attributes)) throw invalidParameter('User does not have a phone number.');
        if (factor === 'EMAIL_OTP' && !attributeValue('email', user.Attributes)) throw invalidParameter('User does not have an email.');
      }
      if (setting.Enabled === true || setting.PreferredMfa === true) enabled.add(factor);
      if (setting.Enabled === false) enabled.delete(factor);
      if (setting.PreferredMfa === true) preferred = factor;
      if ((setting.PreferredMfa === false || setting.Enabled === false) && preferred === factor) preferred = undefined;
    }
    const list = [...enabled];
    await pool.saveUser(ctx, { ...user, UserMFASettingList: list.length ? list : undefined, PreferredMfaSetting: preferred });
    return {};
  };

  // "Software Token MFA has not been enabled by the userPool." (user-pool-settings-mfa-totp.html)
  const requireTotp = (pool) => {
    if (!shapeOf(pool).methods.includes('TOTP')) {
      throw cognitoError('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.');
    }
  };

  const associate = (secrets, key) => {
    const secret = base32(randomBytes(32));
    secrets.set(key, secret);
    return secret;
  };

  // With existence errors hidden, an unknown user asking for an email code gets a challenge like
  // anyone's (nothing is sent, no code answers it).
  const pretendedCode = (state, username) => ({
    ChallengeName: 'EMAIL_OTP',
    Session: newSession({ ...state, challenge: 'EMAIL_OTP', pretended: true }),
    ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: maskEmail(username) },
  });

  return {
    MFA_CHALLENGES,
    pretendedCode,
    afterPassword,
    respond,
    shapeOf,
    offered,
    newSession,
    takeSession,
    sendCode,
    issueTokens,

    AssociateSoftwareToken: (services) => async (ctx, req) => {
      if (req.AccessToken !== undefined) {
        const { user, pool } = await tokenUser(ctx, services.tokenGenerator.accessClaims(req.AccessToken));
        requireTotp(pool);
        return { SecretCode: associate(pendingSecrets, `${pool.options.Id}/${user.Username}`) };
      }
      if (!req.Session) throw invalidParameter('Missing required parameter: AccessToken or Session');
      const state = sessions.get(req.Session);
      if (!state || state.expires <= now() || state.challenge !== 'MFA_SETUP') throw sessionExpired();
      requireTotp((await userOf(ctx, state)).pool);
      sessions.delete(req.Session);
      const secret = base32(randomBytes(32));
      return { SecretCode: secret, Session: newSession({ ...state, pendingSecret: secret }) };
    },

    VerifySoftwareToken: (services) => async (ctx, req) => {
      if (req.AccessToken !== undefined) {
        const { user, pool } = await tokenUser(ctx, services.tokenGenerator.accessClaims(req.AccessToken));
        requireTotp(pool);
        const key = `${pool.options.Id}/${user.Username}`;
        const secret = pendingSecrets.get(key);
        if (!secret || !totpMatches(secret, req.UserCode)) throw cognitoError('EnableSoftwareTokenMFAException', 'Code mismatch');
        pendingSecrets.delete(key);
        await pool.saveUser(ctx, { ...user, SoftwareTokenMfaConfiguration: { Secret: secret, FriendlyDeviceName: req.FriendlyDeviceName } });
        return { Status: 'SUCCESS' };
      }
      if (!req.Session) throw invalidParameter('Missing required parameter: AccessToken or Session');
      const state = sessions.get(req.Session);
      if (!state || state.expires <= now() || state.challenge !== 'MFA_SETUP' || !state.pendingSecret) throw sessionExpired();
      if (!totpMatches(state.pendingSecret, req.UserCode)) throw cognitoError('EnableSoftwareTokenMFAException', 'Code mismatch');
      sessions.delete(req.Session);
      const { pool, user } = await userOf(ctx, state);
      await pool.saveUser(ctx, { ...user, SoftwareTokenMfaConfiguration: { Secret: state.pendingSecret, FriendlyDeviceName: req.FriendlyDeviceName } });
      return { Status: 'SUCCESS', Session: newSession({ ...state, pendingSecret: undefined, verifiedSecret: true }) };
    },

    SetUserMFAPreference: (services) => async (ctx, req) => {
      const { pool, user } = await tokenUser(ctx, services.tokenGenerator.accessClaims(req.AccessToken));
      return applyPreference(ctx, pool, user, req);
    },

    AdminSetUserMFAPreference: () => async (ctx, req) => {
      const pool = await cognito.getUserPool(ctx, req.UserPoolId);
      const user = await pool.getUserByUsername(ctx, req.Username);
      if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.');
      return applyPreference(ctx, pool, user, req);
    },

    // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserPoolMfaConfig.html
    GetUserPoolMfaConfig: () => async (ctx, req) => {
      const pool = await cognito.getUserPool(ctx, req.UserPoolId);
      const { methods } = shapeOf(pool);
      return {
        MfaConfiguration: pool.options.MfaConfiguration ?? 'OFF',
        SoftwareTokenMfaConfiguration: { Enabled: methods.includes('TOTP') },
        ...(methods.includes('SMS') && {
          SmsMfaConfiguration: { SmsAuthenticationMessage: pool.options.SmsAuthenticationMessage, SmsConfiguration: pool.options.SmsConfiguration },
        }),
        ...(methods.includes('EMAIL') && { EmailMfaConfiguration: pool.options.EmailMfaConfiguration ?? {} }),
      };
    },
  };
};

module.exports = { signInFactors, totpAt };
