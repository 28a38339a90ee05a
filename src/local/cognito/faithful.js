'use strict';

const { randomBytes } = require('node:crypto');
const { Targets } = require('cognito-local/lib/targets/targets');
const { selectAppropriateDeliveryMethod } = require('cognito-local/lib/services/messageDelivery/deliveryMethod');
const { attribute, attributeValue, attributesAppend } = require('cognito-local/lib/services/userPoolService');
const {
  cognitoError,
  codeMismatch,
  expiredCode,
  incorrectCredentials,
  userDoesNotExist,
  usernameClientNotFound,
  invalidParameter,
  userDisabled,
  inCognitoWords,
} = require('./errors');
const { srpSignIn } = require('./srpSignIn');
const { signInFactors } = require('./mfa');
const { enforcePasswordPolicy, enforceSignUpPasswordLength, SIGN_UP_PREFIX } = require('./passwordPolicy');

// Cognito shows where a code went only in part: e***@e*** and +*******1234.
const maskEmail = (email) => {
  const [local, domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
};
const maskPhone = (phone) => `+${'*'.repeat(Math.max(phone.length - 5, 0))}${phone.slice(-4)}`;
const masked = (details) =>
  details && {
    ...details,
    Destination: details.DeliveryMedium === 'SMS' ? maskPhone(details.Destination) : maskEmail(details.Destination),
  };

// With PreventUserExistenceErrors ENABLED, Cognito answers for an unknown user as if a code went by email.
const pretendedDelivery = (username) => ({
  CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: maskEmail(username) },
});

// What Cognito allows a client that lists no flows.
const DEFAULT_AUTH_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
// The flows a client must list to be used; refresh is not checked here.
const PASSWORD_FLOWS = ['USER_PASSWORD_AUTH', 'USER_SRP_AUTH'];
// AdminInitiateAuth's password flow, by its name and its legacy name (ExplicitAuthFlows ADMIN_NO_SRP_AUTH).
const ADMIN_PASSWORD_FLOWS = ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'];
const allowsFlow = (client, flow) => {
  const flows = client.ExplicitAuthFlows?.length ? client.ExplicitAuthFlows : DEFAULT_AUTH_FLOWS;
  return flows.includes(`ALLOW_${flow}`) || flows.includes(flow);
};

// Cognito's order when the pool sets no AccountRecoverySetting (and CDK's default): verified phone, then verified email.
const DEFAULT_RECOVERY = [
  { Name: 'verified_phone_number', Priority: 1 },
  { Name: 'verified_email', Priority: 2 },
];
const RECOVERY_ATTRIBUTE = { verified_phone_number: 'phone_number', verified_email: 'email' };
const recoveryDelivery = (pool, user) => {
  const mechanisms = [...(pool.AccountRecoverySetting?.RecoveryMechanisms ?? DEFAULT_RECOVERY)];
  for (const { Name } of mechanisms.sort((a, b) => a.Priority - b.Priority)) {
    const name = RECOVERY_ATTRIBUTE[Name];
    const destination = attributeValue(name, user.Attributes);
    if (name && destination && attributeValue(`${name}_verified`, user.Attributes) === 'true') {
      return { AttributeName: name, DeliveryMedium: name === 'email' ? 'EMAIL' : 'SMS', Destination: destination };
    }
  }
  return null;
};

// cognito-local would make up 6 characters that no Cognito password policy accepts.
const temporaryPassword = () => `${randomBytes(12).toString('base64url')}Aa1!`;

// The calls that act for the user whose access token they carry (and those two where the token is
// optional, a Session taking its place). Each checks the token first, as Cognito does (GlobalSignOut
// below too).
const ACCESS_TOKEN_CALLS = [
  'GetUser',
  'UpdateUserAttributes',
  'DeleteUserAttributes',
  'ChangePassword',
  'DeleteUser',
  'GetUserAttributeVerificationCode',
  'VerifyUserAttribute',
  'SetUserMFAPreference',
];
const ACCESS_TOKEN_OR_SESSION_CALLS = ['AssociateSoftwareToken', 'VerifySoftwareToken'];
const poolOfClaims = (claims) => claims.iss.slice(claims.iss.lastIndexOf('/') + 1);

/**
 * REFRESH_TOKEN_AUTH (InitiateAuth, AdminInitiateAuth) and GetTokensFromRefreshToken: new access
 * and ID tokens from a live refresh token of this client, for a user who still exists and is
 * enabled. The refresh token is not rotated (Gen 2's client does not enable rotation).
 */
const refreshedTokens = async ({ cognito, tokenGenerator: sessions }, ctx, clientId, refreshToken) => {
  const { pool, client } = await clientAndPool(cognito, ctx, clientId);
  if (!refreshToken) throw invalidParameter('Missing required parameter REFRESH_TOKEN');
  const session = sessions.session(refreshToken, clientId);
  const user = await pool.getUserByUsername(ctx, session.sub);
  if (!user) throw userDoesNotExist();
  if (user.Enabled === false) throw userDisabled();
  const groups = await pool.listUserGroupMembership(ctx, user);
  return { ChallengeParameters: {}, AuthenticationResult: sessions.refreshed(session, user, groups, client) };
};
const REFRESH_FLOWS = ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'];

const clientAndPool = async (cognito, ctx, clientId) => {
  const pool = await cognito.getUserPoolForClientId(ctx, clientId);
  const client = await cognito.getAppClient(ctx, clientId);
  return { pool, client, poolId: pool.options.Id, hidesUsers: client.PreventUserExistenceErrors === 'ENABLED' };
};

/**
 * What a proven password leads to: cognito-local's own sign-in where MFA is off or the user is not
 * CONFIRMED (tokens, NEW_PASSWORD_REQUIRED, UserNotConfirmedException), else the MFA Cognito asks.
 */
const passwordProven = (services, factors) => async (ctx, pool, client, user, clientMetadata, admin = false) => {
  if (factors.shapeOf(pool).mfa === 'NONE' || user.UserStatus !== 'CONFIRMED') {
    return Targets[admin ? 'AdminInitiateAuth' : 'InitiateAuth'](services)(ctx, {
      ClientId: client.ClientId,
      UserPoolId: pool.options.Id,
      AuthFlow: admin ? 'ADMIN_USER_PASSWORD_AUTH' : 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.Username, PASSWORD: user.Password },
      ClientMetadata: clientMetadata,
    });
  }
  return factors.afterPassword(ctx, pool, client, user, admin);
};

/**
 * Choice-based sign-in (USER_AUTH): the first factor the user names (PREFERRED_CHALLENGE, or ANSWER
 * to SELECT_CHALLENGE) — PASSWORD, PASSWORD_SRP, or EMAIL_OTP where the pool allows it; with none
 * named, SELECT_CHALLENGE lists what the user can do.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html
 */
const firstFactor = (services, factors, srp) => async (ctx, { pool, client, hidesUsers }, user, factor, params, clientMetadata) => {
  const emailOtp = factors.shapeOf(pool).emailOtp;
  const state = { poolId: pool.options.Id, clientId: client.ClientId, username: user?.Username, admin: false };
  if (factor === 'PASSWORD_SRP') {
    return srp.start(ctx, { ClientId: client.ClientId, AuthParameters: { USERNAME: params.USERNAME, SRP_A: params.SRP_A } }, pool, hidesUsers);
  }
  if (!user) {
    if (!hidesUsers) throw userDoesNotExist();
    if (factor === 'PASSWORD') throw incorrectCredentials();
  }
  if (user?.Enabled === false) throw userDisabled();
  if (factor === 'PASSWORD') {
    if (!params.PASSWORD) throw invalidParameter('Missing required parameter PASSWORD');
    if (user.Password !== params.PASSWORD) throw incorrectCredentials();
    return passwordProven(services, factors)(ctx, pool, client, user, clientMetadata);
  }
  if (factor === 'EMAIL_OTP') {
    if (!emailOtp) throw invalidParameter('EMAIL_OTP is not an allowed first auth factor for this user pool.');
    if (!user) return factors.pretendedCode(state, params.USERNAME);
    if (user.UserStatus === 'UNCONFIRMED') throw cognitoError('UserNotConfirmedException', 'User is not confirmed.');
    if (!attributeValue('email', user.Attributes)) throw invalidParameter('User does not have an email.');
    return factors.sendCode(ctx, pool, client.ClientId, user, 'EMAIL_OTP', state);
  }
  if (factor !== undefined) throw invalidParameter(`Invalid value for PREFERRED_CHALLENGE: ${factor}`);
  const choices = ['PASSWORD', 'PASSWORD_SRP', ...(emailOtp && (!user || attributeValue('email', user.Attributes)) ? ['EMAIL_OTP'] : [])];
  return {
    ChallengeName: 'SELECT_CHALLENGE',
    Session: factors.newSession({ ...state, challenge: 'SELECT_CHALLENGE', choices, named: params.USERNAME }),
    ChallengeParameters: {},
    AvailableChallenges: choices,
  };
};

/** Targets (cognito-local's shape: services => (ctx, request) => response) that answer as Cognito does. */
const faithfulTargets = (ledger, srpSignIn, factors) => ({
  SignUp: (services) => async (ctx, req) => {
    const { pool } = await clientAndPool(services.cognito, ctx, req.ClientId);
    enforceSignUpPasswordLength(req.Password);
    enforcePasswordPolicy(req.Password, pool.options, SIGN_UP_PREFIX);
    const result = await Targets.SignUp(services)(ctx, req);
    return { ...result, CodeDeliveryDetails: masked(result.CodeDeliveryDetails) };
  },

  // cognito-local keeps codes forever and never marks the attribute the code went to as verified.
  ConfirmSignUp: ({ cognito, clock }) => async (ctx, req) => {
    const { pool, poolId, hidesUsers } = await clientAndPool(cognito, ctx, req.ClientId);
    const user = await pool.getUserByUsername(ctx, req.Username);
    if (!user) throw hidesUsers ? codeMismatch() : usernameClientNotFound();
    if (user.UserStatus === 'CONFIRMED') {
      throw cognitoError('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED');
    }
    const { attributeName } = ledger.verify(poolId, user.Username, 'signUp', req.ConfirmationCode);
    await pool.saveUser(ctx, {
      ...user,
      Attributes: attributesAppend(user.Attributes, attribute(`${attributeName}_verified`, 'true')),
      UserStatus: 'CONFIRMED',
      ConfirmationCode: undefined,
      UserLastModifiedDate: clock.get(),
    });
    ledger.used(poolId, user.Username);
    return {};
  },

  // Not in cognito-local at all.
  ResendConfirmationCode: ({ cognito, messages, otp }) => async (ctx, req) => {
    const { pool, poolId, hidesUsers } = await clientAndPool(cognito, ctx, req.ClientId);
    const user = await pool.getUserByUsername(ctx, req.Username);
    if (!user) {
      if (hidesUsers) return pretendedDelivery(req.Username);
      throw usernameClientNotFound();
    }
    if (user.UserStatus === 'CONFIRMED') throw invalidParameter('User is already confirmed.');
    const delivery = selectAppropriateDeliveryMethod(pool.options.AutoVerifiedAttributes ?? [], user);
    if (!delivery) throw invalidParameter('Auto verification not turned on.');
    ledger.countResend(poolId, user.Username);
    await messages.deliver(ctx, 'ResendCode', req.ClientId, poolId, user, otp(), req.ClientMetadata, delivery);
    return { CodeDeliveryDetails: masked(delivery) };
  },

  // cognito-local always mails the code, verified or not, and says "User not found." for an unknown user.
  // With existence errors hidden, a user who is unknown, disabled or has no verified email or phone
  // gets a simulated delivery (https://docs.aws.amazon.com/cognito/latest/developerguide/
  // cognito-user-pool-managing-errors.html, "ForgotPassword").
  ForgotPassword: ({ cognito, messages, otp }) => async (ctx, req) => {
    const { pool, poolId, hidesUsers } = await clientAndPool(cognito, ctx, req.ClientId);
    const user = await pool.getUserByUsername(ctx, req.Username);
    const delivery = user && recoveryDelivery(pool.options, user);
    if (hidesUsers && (!delivery || user.Enabled === false)) return pretendedDelivery(req.Username);
    if (!user) throw usernameClientNotFound();
    if (!delivery) {
      throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
    }
    await messages.deliver(ctx, 'ForgotPassword', req.ClientId, poolId, user, otp(), req.ClientMetadata, delivery);
    return { CodeDeliveryDetails: masked(delivery) };
  },

  // With existence errors hidden: CodeMismatchException for a user who is unknown or disabled, and
  // ExpiredCodeException when no code was requested (https://docs.aws.amazon.com/cognito/latest/
  // developerguide/cognito-user-pool-managing-errors.html, "ConfirmForgotPassword").
  ConfirmForgotPassword: ({ cognito, clock }) => async (ctx, req) => {
    const { pool, poolId, hidesUsers } = await clientAndPool(cognito, ctx, req.ClientId);
    const user = await pool.getUserByUsername(ctx, req.Username);
    if (!user) throw hidesUsers ? codeMismatch() : usernameClientNotFound();
    if (hidesUsers && user.Enabled === false) throw codeMismatch();
    enforcePasswordPolicy(req.Password, pool.options);
    if (!ledger.requested(poolId, user.Username, 'reset')) throw expiredCode();
    ledger.verify(poolId, user.Username, 'reset', req.ConfirmationCode);
    await pool.saveUser(ctx, {
      ...user,
      Password: req.Password,
      UserStatus: 'CONFIRMED',
      ConfirmationCode: undefined,
      UserLastModifiedDate: clock.get(),
    });
    ledger.used(poolId, user.Username);
    return {};
  },

  // cognito-local says NotAuthorized for an unknown user and InvalidPassword for a wrong one, offers a
  // FORCE_CHANGE_PASSWORD user a challenge before checking the password, ignores the client's
  // ExplicitAuthFlows and cannot do SRP.
  InitiateAuth: (services) => async (ctx, req) => {
    const { pool, client, hidesUsers } = await clientAndPool(services.cognito, ctx, req.ClientId);
    if (PASSWORD_FLOWS.includes(req.AuthFlow) && !allowsFlow(client, req.AuthFlow)) {
      throw invalidParameter(`${req.AuthFlow} flow not enabled for this client`);
    }
    if (REFRESH_FLOWS.includes(req.AuthFlow)) return refreshedTokens(services, ctx, req.ClientId, req.AuthParameters?.REFRESH_TOKEN);
    if (req.AuthFlow === 'USER_SRP_AUTH') return srpSignIn.start(ctx, req, pool, hidesUsers);
    if (req.AuthFlow === 'USER_AUTH') {
      if (!allowsFlow(client, 'USER_AUTH')) throw invalidParameter('USER_AUTH flow not enabled for this client');
      const params = req.AuthParameters ?? {};
      if (!params.USERNAME) throw invalidParameter('Missing required parameter USERNAME');
      const user = await pool.getUserByUsername(ctx, params.USERNAME);
      return firstFactor(services, factors, srpSignIn)(ctx, { pool, client, hidesUsers }, user, params.PREFERRED_CHALLENGE, params, req.ClientMetadata);
    }
    if (req.AuthFlow === 'USER_PASSWORD_AUTH' && req.AuthParameters) {
      const user = await pool.getUserByUsername(ctx, req.AuthParameters.USERNAME);
      if (!user) throw hidesUsers ? incorrectCredentials() : userDoesNotExist();
      if (user.Enabled === false) throw userDisabled();
      if (user.Password !== req.AuthParameters.PASSWORD) throw incorrectCredentials();
      return passwordProven(services, factors)(ctx, pool, client, user, req.ClientMetadata);
    }
    return Targets.InitiateAuth(services)(ctx, req);
  },

  // The admin password flow only on a client that lists it (ALLOW_ADMIN_USER_PASSWORD_AUTH, or the
  // legacy ADMIN_NO_SRP_AUTH); Gen 2's client does not. Wording as commonly reported, not compared
  // with a live pool. https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminInitiateAuth.html
  // and ExplicitAuthFlows in API_CreateUserPoolClient.html.
  AdminInitiateAuth: (services) => async (ctx, req) => {
    if (REFRESH_FLOWS.includes(req.AuthFlow)) return refreshedTokens(services, ctx, req.ClientId, req.AuthParameters?.REFRESH_TOKEN);
    if (ADMIN_PASSWORD_FLOWS.includes(req.AuthFlow)) {
      const { pool, client } = await clientAndPool(services.cognito, ctx, req.ClientId);
      if (!ADMIN_PASSWORD_FLOWS.some((flow) => allowsFlow(client, flow))) throw invalidParameter('Auth flow not enabled for this client');
      // With MFA on, the password is checked here and MFA follows as for any sign-in.
      if (factors.shapeOf(pool).mfa !== 'NONE' && req.AuthParameters) {
        const user = await pool.getUserByUsername(ctx, req.AuthParameters.USERNAME);
        if (!user) throw userDoesNotExist();
        if (user.Enabled === false) throw userDisabled();
        if (user.Password !== req.AuthParameters.PASSWORD) throw incorrectCredentials();
        return passwordProven(services, factors)(ctx, pool, client, user, req.ClientMetadata, true);
      }
    }
    return Targets.AdminInitiateAuth(services)(ctx, req);
  },

  // Not in cognito-local 5.3: Amplify JS 6.22 renews tokens with it (auth src/providers/cognito/utils/
  // refreshAuthTokens.ts), e.g. fetchAuthSession({ forceRefresh: true }) or an expired access token.
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
  GetTokensFromRefreshToken: (services) => async (ctx, req) => {
    const { AuthenticationResult } = await refreshedTokens(services, ctx, req.ClientId, req.RefreshToken);
    return { AuthenticationResult };
  },

  // Not in cognito-local: every refresh token of the user and the access tokens they issued.
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html
  GlobalSignOut: ({ tokenGenerator: sessions }) => async (ctx, req) => {
    const claims = sessions.accessClaims(req.AccessToken);
    sessions.signOutEverywhere(poolOfClaims(claims), claims.sub);
    return {};
  },

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminUserGlobalSignOut.html
  AdminUserGlobalSignOut: ({ cognito, tokenGenerator: sessions }) => async (ctx, req) => {
    const pool = await cognito.getUserPool(ctx, req.UserPoolId);
    const user = await pool.getUserByUsername(ctx, req.Username);
    if (!user) throw userDoesNotExist();
    sessions.signOutEverywhere(req.UserPoolId, attributeValue('sub', user.Attributes));
    return {};
  },

  // "Deactivates a user and revokes all access tokens for the user."
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDisableUser.html
  AdminDisableUser: (services) => async (ctx, req) => {
    const result = await Targets.AdminDisableUser(services)(ctx, req);
    const pool = await services.cognito.getUserPool(ctx, req.UserPoolId);
    const user = await pool.getUserByUsername(ctx, req.Username);
    services.tokenGenerator.revokeAccessTokens(req.UserPoolId, attributeValue('sub', user.Attributes));
    return result;
  },

  // cognito-local only forgets the refresh token; Cognito also revokes the access tokens it issued.
  // An access or ID token is not a token RevokeToken takes; a token that names no live session of
  // this client is answered as revoked already (RFC 7009's answer; not compared with a live pool).
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html
  RevokeToken: ({ cognito, tokenGenerator: sessions }) => async (ctx, req) => {
    const { client } = await clientAndPool(cognito, ctx, req.ClientId);
    if (client.EnableTokenRevocation === false) {
      throw cognitoError('UnsupportedOperationException', 'Token revocation is not enabled for this client.');
    }
    if (!sessions.revoke(req.Token, req.ClientId) && sessions.signedClaims(req.Token)) {
      throw cognitoError('UnsupportedTokenTypeException', 'The token is not a refresh token.');
    }
    return {};
  },

  // The SRP answer is checked here; what follows a right password (tokens, NEW_PASSWORD_REQUIRED,
  // UserNotConfirmedException, MFA) is cognito-local's own password sign-in for the same user.
  // NEW_PASSWORD_REQUIRED's new password meets the pool's policy, as any password set does
  // (InvalidPasswordException, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html).
  RespondToAuthChallenge: (services) => async (ctx, req) => {
    if (req.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
      const { pool } = await clientAndPool(services.cognito, ctx, req.ClientId);
      enforcePasswordPolicy(req.ChallengeResponses?.NEW_PASSWORD, pool.options);
    }
    if (req.ChallengeName === 'SELECT_CHALLENGE') {
      const answers = req.ChallengeResponses ?? {};
      const state = factors.takeSession(req.Session, req.ClientId, ['SELECT_CHALLENGE']);
      const found = await clientAndPool(services.cognito, ctx, req.ClientId);
      if (!state.choices.includes(answers.ANSWER)) throw invalidParameter(`Invalid ANSWER: ${answers.ANSWER} is not one of ${state.choices.join(', ')}`);
      const user = await found.pool.getUserByUsername(ctx, state.named);
      return firstFactor(services, factors, srpSignIn)(ctx, found, user, answers.ANSWER, { ...answers, USERNAME: state.named }, req.ClientMetadata);
    }
    if (factors.MFA_CHALLENGES.includes(req.ChallengeName)) return factors.respond(ctx, req, false);
    if (req.ChallengeName !== 'PASSWORD_VERIFIER') return Targets.RespondToAuthChallenge(services)(ctx, req);
    const { pool, client } = await clientAndPool(services.cognito, ctx, req.ClientId);
    const user = await srpSignIn.verify(ctx, req, pool);
    if (user.Enabled === false) throw userDisabled();
    return passwordProven(services, factors)(ctx, pool, client, user, req.ClientMetadata);
  },

  // The MFA challenges of AdminInitiateAuth's sign-in (not in cognito-local).
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminRespondToAuthChallenge.html
  AdminRespondToAuthChallenge: () => async (ctx, req) => {
    if (!factors.MFA_CHALLENGES.includes(req.ChallengeName)) {
      throw cognitoError('UnsupportedOperationException', `Not supported by the local stack: AdminRespondToAuthChallenge ${req.ChallengeName}`);
    }
    return factors.respond(ctx, req, true);
  },

  AssociateSoftwareToken: factors.AssociateSoftwareToken,
  VerifySoftwareToken: factors.VerifySoftwareToken,
  SetUserMFAPreference: factors.SetUserMFAPreference,
  AdminSetUserMFAPreference: factors.AdminSetUserMFAPreference,
  GetUserPoolMfaConfig: factors.GetUserPoolMfaConfig,

  ChangePassword: (services) => async (ctx, req) => {
    const pool = await services.cognito.getUserPool(ctx, poolOfClaims(services.tokenGenerator.accessClaims(req.AccessToken)));
    enforcePasswordPolicy(req.ProposedPassword, pool.options);
    return Targets.ChangePassword(services)(ctx, req);
  },

  AdminCreateUser: (services) => async (ctx, req) => {
    const pool = await services.cognito.getUserPool(ctx, req.UserPoolId);
    if (req.TemporaryPassword !== undefined) enforcePasswordPolicy(req.TemporaryPassword, pool.options);
    return Targets.AdminCreateUser(services)(ctx, { ...req, TemporaryPassword: req.TemporaryPassword ?? temporaryPassword() });
  },

  AdminSetUserPassword: (services) => async (ctx, req) => {
    const pool = await services.cognito.getUserPool(ctx, req.UserPoolId);
    enforcePasswordPolicy(req.Password, pool.options);
    return Targets.AdminSetUserPassword(services)(ctx, req);
  },

  // cognito-local's filter needs spaces around the operator and it returns every user at once;
  // Cognito takes `email="x"` too and pages by at most 60.
  ListUsers: (services) => async (ctx, req) => {
    const limit = req.Limit ?? 60;
    if (limit > 60) {
      throw invalidParameter(
        `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60`,
      );
    }
    const filter = req.Filter?.replace(/^\s*([\w:]+)\s*(\^?=)\s*"/, '$1 $2 "');
    const { Users } = await Targets.ListUsers(services)(ctx, { ...req, Filter: filter });
    const start = Number(req.PaginationToken ?? 0);
    const next = start + limit;
    return { Users: Users.slice(start, next), PaginationToken: next < Users.length ? String(next) : undefined };
  },
});

/**
 * The Cognito API the launcher serves: cognito-local's targets, with the ones above in place of
 * theirs, every error in Cognito's words. Resolves to the response; rejects with a CognitoError for
 * a Cognito error answer, with anything else for a fault of the stack itself.
 */
const cognitoApi = (services, ledger, shapes = {}) => {
  const issueTokens = async (ctx, pool, client, user) => {
    const groups = await pool.listUserGroupMembership(ctx, user);
    const tokens = await services.tokenGenerator.generate(ctx, user, groups, client, undefined, 'Authentication');
    await pool.storeRefreshToken(ctx, tokens.RefreshToken, user);
    return { ChallengeParameters: {}, AuthenticationResult: tokens };
  };
  const factors = signInFactors(services, shapes, issueTokens);
  const targets = { ...Targets, ...faithfulTargets(ledger, srpSignIn(services.clock), factors) };
  // Signature, expiry, revocation and token_use of the access token before anything else; then the
  // call as above (a deleted user's token then meets "User does not exist.").
  // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
  for (const operation of [...ACCESS_TOKEN_CALLS, ...ACCESS_TOKEN_OR_SESSION_CALLS]) {
    const target = targets[operation];
    const optional = ACCESS_TOKEN_OR_SESSION_CALLS.includes(operation);
    targets[operation] = (svc) => async (ctx, req) => {
      if (!optional || req.AccessToken !== undefined) svc.tokenGenerator.accessClaims(req.AccessToken);
      return target(svc)(ctx, req);
    };
  }
  return async (ctx, operation, request) => {
    if (!Object.hasOwn(targets, operation)) {
      throw cognitoError('UnknownOperationException', `Operation ${operation} is not supported by the local stack`);
    }
    try {
      return await targets[operation](services)(ctx, request);
    } catch (err) {
      throw inCognitoWords(err);
    }
  };
};

module.exports = { cognitoApi };
