'use strict';

const { randomBytes } = require('node:crypto');
const { Targets } = require('cognito-local/lib/targets/targets');
const { selectAppropriateDeliveryMethod } = require('cognito-local/lib/services/messageDelivery/deliveryMethod');
const { attribute, attributeValue, attributesAppend } = require('cognito-local/lib/services/userPoolService');
const {
  cognitoError,
  codeMismatch,
  incorrectCredentials,
  userDoesNotExist,
  usernameClientNotFound,
  invalidParameter,
  userDisabled,
  inCognitoWords,
} = require('./errors');
const { srpSignIn } = require('./srpSignIn');
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
// The flows a client must list to be used; refresh and the admin flows are not checked here.
const PASSWORD_FLOWS = ['USER_PASSWORD_AUTH', 'USER_SRP_AUTH'];
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

const accessTokenClientId = (token) => {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url')).client_id;
  } catch {
    return undefined; // cognito-local's ChangePassword answers a token it cannot read
  }
};

const clientAndPool = async (cognito, ctx, clientId) => {
  const pool = await cognito.getUserPoolForClientId(ctx, clientId);
  const client = await cognito.getAppClient(ctx, clientId);
  return { pool, client, poolId: pool.options.Id, hidesUsers: client.PreventUserExistenceErrors === 'ENABLED' };
};

/** Targets (cognito-local's shape: services => (ctx, request) => response) that answer as Cognito does. */
const faithfulTargets = (ledger, srpSignIn) => ({
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
  ForgotPassword: ({ cognito, messages, otp }) => async (ctx, req) => {
    const { pool, poolId, hidesUsers } = await clientAndPool(cognito, ctx, req.ClientId);
    const user = await pool.getUserByUsername(ctx, req.Username);
    if (!user) {
      if (hidesUsers) return pretendedDelivery(req.Username);
      throw usernameClientNotFound();
    }
    const delivery = recoveryDelivery(pool.options, user);
    if (!delivery) {
      throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
    }
    await messages.deliver(ctx, 'ForgotPassword', req.ClientId, poolId, user, otp(), req.ClientMetadata, delivery);
    return { CodeDeliveryDetails: masked(delivery) };
  },

  ConfirmForgotPassword: ({ cognito, clock }) => async (ctx, req) => {
    const { pool, poolId, hidesUsers } = await clientAndPool(cognito, ctx, req.ClientId);
    const user = await pool.getUserByUsername(ctx, req.Username);
    if (!user) throw hidesUsers ? codeMismatch() : usernameClientNotFound();
    enforcePasswordPolicy(req.Password, pool.options);
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
    if (req.AuthFlow === 'USER_SRP_AUTH') return srpSignIn.start(ctx, req, pool, hidesUsers);
    if (req.AuthFlow === 'USER_PASSWORD_AUTH' && req.AuthParameters) {
      const user = await pool.getUserByUsername(ctx, req.AuthParameters.USERNAME);
      if (!user) throw hidesUsers ? incorrectCredentials() : userDoesNotExist();
      if (user.Enabled === false) throw userDisabled();
      if (user.Password !== req.AuthParameters.PASSWORD) throw incorrectCredentials();
    }
    try {
      return await Targets.InitiateAuth(services)(ctx, req);
    } catch (err) {
      if (err.code === 'NotAuthorizedException' && req.AuthFlow?.startsWith('REFRESH_TOKEN')) {
        throw cognitoError('NotAuthorizedException', 'Invalid Refresh Token');
      }
      throw err;
    }
  },

  // The SRP answer is checked here; what follows a right password (tokens, NEW_PASSWORD_REQUIRED,
  // UserNotConfirmedException, MFA) is cognito-local's own password sign-in for the same user.
  RespondToAuthChallenge: (services) => async (ctx, req) => {
    if (req.ChallengeName !== 'PASSWORD_VERIFIER') return Targets.RespondToAuthChallenge(services)(ctx, req);
    const { pool } = await clientAndPool(services.cognito, ctx, req.ClientId);
    const user = await srpSignIn.verify(ctx, req, pool);
    if (user.Enabled === false) throw userDisabled();
    return Targets.InitiateAuth(services)(ctx, {
      ClientId: req.ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.Username, PASSWORD: user.Password },
      ClientMetadata: req.ClientMetadata,
    });
  },

  ChangePassword: (services) => async (ctx, req) => {
    const clientId = accessTokenClientId(req.AccessToken);
    if (clientId) {
      const pool = await services.cognito.getUserPoolForClientId(ctx, clientId);
      enforcePasswordPolicy(req.ProposedPassword, pool.options);
    }
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
const cognitoApi = (services, ledger) => {
  const targets = { ...Targets, ...faithfulTargets(ledger, srpSignIn(services.clock)) };
  // Not in cognito-local 5.3: Amplify JS 6.22 renews tokens with it (auth src/providers/cognito/utils/
  // refreshAuthTokens.ts), e.g. fetchAuthSession({ forceRefresh: true }) or an expired access token.
  // The refresh flow's answer; the refresh token is not rotated (Cognito rotates it only when the
  // client enables refresh-token rotation, which Gen 2's default client does not).
  targets.GetTokensFromRefreshToken = (svc) => async (ctx, req) => {
    const { AuthenticationResult } = await targets.InitiateAuth(svc)(ctx, {
      ClientId: req.ClientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: req.RefreshToken },
      ClientMetadata: req.ClientMetadata,
    });
    return { AuthenticationResult };
  };
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
