'use strict';

const fs = require('node:fs');

// What Amplify Gen 2's defineAuth makes when the app says no more than `loginWith: { email: true }`
// (amplify-backend, packages/auth-construct/src/defaults.ts): email sign-in, case-insensitive,
// email auto-verified and the only way to recover an account, 8 characters with all four kinds.
const GEN2_DEFAULTS = {
  username_attributes: ['email'],
  user_verification_types: ['email'],
  standard_required_attributes: ['email'],
  password_policy: { min_length: 8, require_lowercase: true, require_uppercase: true, require_numbers: true, require_symbols: true },
  mfa_configuration: 'NONE',
  mfa_methods: [],
};

const ATTRIBUTE = { email: 'email', phone_number: 'phone_number', phone: 'phone_number' };
const MFA = { NONE: 'OFF', OPTIONAL: 'OPTIONAL', REQUIRED: 'ON' };

// Cognito's own constraints on the ids (API reference: UserPoolId, ClientId, IdentityPoolId), with
// the region prefix tied to aws_region: Amplify JS calls cognito-idp.<pool id's prefix> and
// cognito-identity.<identity pool id's prefix>, so any other prefix would call a host nobody maps.
const REGION_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ID_RULES = {
  aws_region: { pattern: () => REGION_PATTERN, shape: 'a region name such as us-east-1', maxLength: 32 },
  user_pool_id: { pattern: (region) => new RegExp(`^${escapeRegExp(region)}_[0-9a-zA-Z]+$`), shape: '<aws_region>_<id>', maxLength: 55 },
  user_pool_client_id: { pattern: () => /^[\w+]+$/, shape: 'letters, digits, _ and + only', maxLength: 128 },
  identity_pool_id: { pattern: (region) => new RegExp(`^${escapeRegExp(region)}:[0-9a-f-]+$`), shape: '<aws_region>:<uuid>', maxLength: 55 },
};

/**
 * The pool the app's outputs name: region, ids and whether guests get identities. Throws one line
 * naming the file and the first key that is missing or ill-formed.
 */
const readIds = (file, auth) => {
  const id = (key, region, optional = false) => {
    const value = auth[key];
    if (value === undefined && optional) return undefined;
    const rule = ID_RULES[key];
    if (typeof value !== 'string' || value.length > rule.maxLength || !rule.pattern(region).test(value)) {
      const given = typeof value === 'string' ? `'${value}'` : value === undefined ? 'missing' : JSON.stringify(value);
      const expected = rule.shape.replace('<aws_region>', region ?? '<aws_region>');
      throw new Error(`--amplify-outputs ${file}: auth.${key} is ${given}, not ${expected}`);
    }
    return value;
  };
  const region = id('aws_region');
  const guests = auth.unauthenticated_identities_enabled;
  if (guests !== undefined && typeof guests !== 'boolean') {
    throw new Error(`--amplify-outputs ${file}: auth.unauthenticated_identities_enabled is ${JSON.stringify(guests)}, not true or false`);
  }
  return {
    region,
    userPoolId: id('user_pool_id', region),
    clientId: id('user_pool_client_id', region),
    identityPoolId: id('identity_pool_id', region, true),
    unauthenticatedIdentities: guests === true,
  };
};

/**
 * The auth section of an amplify_outputs.json: the pool's shape, each key Gen 2's default when the
 * file leaves it out, and under `ids` the region and ids the stand-in adopts.
 */
const readAmplifyOutputs = (file) => {
  let root;
  try {
    root = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`--amplify-outputs ${file} cannot be read as JSON: ${err.message}`);
  }
  if (!root?.auth || typeof root.auth !== 'object') {
    throw new Error(`--amplify-outputs ${file} has no auth section; regenerate it with 'npx ampx generate outputs'`);
  }
  const auth = root.auth;
  const list = (key) => (Array.isArray(auth[key]) ? auth[key] : GEN2_DEFAULTS[key]);
  return {
    username_attributes: list('username_attributes'),
    user_verification_types: list('user_verification_types'),
    standard_required_attributes: list('standard_required_attributes'),
    password_policy: { ...GEN2_DEFAULTS.password_policy, ...auth.password_policy },
    mfa_configuration: auth.mfa_configuration ?? GEN2_DEFAULTS.mfa_configuration,
    mfa_methods: list('mfa_methods'),
    passwordless: { email_otp_enabled: auth.passwordless?.email_otp_enabled === true },
    file,
    ids: readIds(file, auth),
  };
};

const MFA_METHODS = ['TOTP', 'SMS', 'EMAIL'];

/**
 * The pool's sign-in factors: MFA (as the outputs word it: NONE, OPTIONAL, REQUIRED), the MFA
 * methods (TOTP, SMS, EMAIL) and whether EMAIL_OTP is a first factor (passwordless), from the
 * outputs unless the launcher's --mfa, --mfa-methods, --email-otp-login say otherwise. Throws one
 * line naming the key or argument that is wrong.
 */
const signInShape = (auth, { mfa, mfaMethods, emailOtpLogin }) => {
  const from = (argument, key) => (argument ? `--${argument}` : `--amplify-outputs ${auth?.file}: auth.${key}`);
  const configuration = mfa ?? auth?.mfa_configuration ?? GEN2_DEFAULTS.mfa_configuration;
  const configurationFrom = from(mfa && 'mfa', 'mfa_configuration');
  if (!Object.hasOwn(MFA, configuration)) {
    throw new Error(`${configurationFrom} is ${JSON.stringify(configuration)}, not NONE, OPTIONAL or REQUIRED`);
  }
  const methods = mfaMethods ?? auth?.mfa_methods ?? GEN2_DEFAULTS.mfa_methods;
  const methodsFrom = from(mfaMethods && 'mfa-methods', 'mfa_methods');
  const wrong = methods.find((method) => !MFA_METHODS.includes(method));
  if (wrong !== undefined) throw new Error(`${methodsFrom} has ${JSON.stringify(wrong)}, not one of ${MFA_METHODS.join(', ')}`);
  // Cognito refuses MFA OPTIONAL or ON with no factor on (SetUserPoolMfaConfig's InvalidParameterException).
  if (configuration !== 'NONE' && methods.length === 0) {
    throw new Error(`${methodsFrom} is empty but MFA is ${configuration} (${configurationFrom}); name at least one of ${MFA_METHODS.join(', ')}`);
  }
  return { mfa: configuration, methods: [...new Set(methods)], emailOtp: emailOtpLogin ?? auth?.passwordless?.email_otp_enabled === true };
};

/** CreateUserPool's request for a pool shaped by an amplify_outputs.json auth section (or Gen 2's defaults). */
const userPoolRequest = (auth = GEN2_DEFAULTS, shape = signInShape(undefined, {})) => {
  const usernameAttributes = auth.username_attributes.map((name) => ATTRIBUTE[name]).filter(Boolean);
  const verified = auth.user_verification_types.map((name) => ATTRIBUTE[name]).filter(Boolean);
  const policy = auth.password_policy;
  return {
    PoolName: 'authflow-e2e-local',
    UsernameAttributes: usernameAttributes,
    UsernameConfiguration: { CaseSensitive: false },
    AutoVerifiedAttributes: verified,
    Schema: auth.standard_required_attributes.map((name) => ({ Name: name, Required: true, Mutable: true })),
    Policies: {
      PasswordPolicy: {
        MinimumLength: policy.min_length,
        RequireUppercase: policy.require_uppercase === true,
        RequireLowercase: policy.require_lowercase === true,
        RequireNumbers: policy.require_numbers === true,
        RequireSymbols: policy.require_symbols === true,
        TemporaryPasswordValidityDays: 7,
      },
      // Choice-based sign-in's first factors: a password always, an email code when passwordless is on.
      SignInPolicy: { AllowedFirstAuthFactors: shape.emailOtp ? ['PASSWORD', 'EMAIL_OTP'] : ['PASSWORD'] },
    },
    // Gen 2 recovers by email when email is a login, by phone when phone is (after email when both).
    AccountRecoverySetting: {
      RecoveryMechanisms: [
        ...(usernameAttributes.includes('email') || !usernameAttributes.includes('phone_number') ? ['verified_email'] : []),
        ...(usernameAttributes.includes('phone_number') ? ['verified_phone_number'] : []),
      ].map((Name, i) => ({ Name, Priority: i + 1 })),
    },
    MfaConfiguration: MFA[shape.mfa],
  };
};

// A lifetime in seconds as CreateUserPoolClient takes it: a value and its unit, in minutes (days for
// a refresh token's whole days, as Cognito reports its defaults 60, 60 and 30) when it divides evenly.
const validity = (seconds, longUnit) => {
  if (longUnit && seconds % 86400 === 0) return [seconds / 86400, 'days'];
  return seconds % 60 === 0 ? [seconds / 60, 'minutes'] : [seconds, 'seconds'];
};
const tokenValidity = ({ accessTokenValidity, idTokenValidity, refreshTokenValidity }) => {
  const [access, accessUnit] = validity(accessTokenValidity);
  const [id, idUnit] = validity(idTokenValidity);
  const [refresh, refreshUnit] = validity(refreshTokenValidity, true);
  return {
    AccessTokenValidity: access,
    IdTokenValidity: id,
    RefreshTokenValidity: refresh,
    TokenValidityUnits: { AccessToken: accessUnit, IdToken: idUnit, RefreshToken: refreshUnit },
  };
};

// Gen 2's default app client: no secret, SRP and custom auth and refresh, existence errors hidden,
// tokens revocable (Cognito's default for a new client), with the launcher's token lifetimes; with
// passwordless sign-in, choice-based sign-in (USER_AUTH) too.
const gen2Client = (lifetimes, shape = { emailOtp: false }) => ({
  ClientName: 'app',
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', ...(shape.emailOtp ? ['ALLOW_USER_AUTH'] : [])],
  PreventUserExistenceErrors: 'ENABLED',
  EnableTokenRevocation: true,
  ...tokenValidity(lifetimes),
});
// The same client as a pre-2020 (LEGACY) one, which tells whether an account exists.
const revealingClient = (lifetimes, shape) => ({ ...gen2Client(lifetimes, shape), ClientName: 'reveals-user-existence', PreventUserExistenceErrors: 'LEGACY' });

module.exports = { GEN2_DEFAULTS, gen2Client, revealingClient, readAmplifyOutputs, signInShape, userPoolRequest };
