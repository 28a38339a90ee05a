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

/** The auth section of an amplify_outputs.json, each key Gen 2's default when the file leaves it out. */
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
  };
};

/** CreateUserPool's request for a pool shaped by an amplify_outputs.json auth section (or Gen 2's defaults). */
const userPoolRequest = (auth = GEN2_DEFAULTS) => {
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
    },
    // Gen 2 recovers by email when email is a login, by phone when phone is (after email when both).
    AccountRecoverySetting: {
      RecoveryMechanisms: [
        ...(usernameAttributes.includes('email') || !usernameAttributes.includes('phone_number') ? ['verified_email'] : []),
        ...(usernameAttributes.includes('phone_number') ? ['verified_phone_number'] : []),
      ].map((Name, i) => ({ Name, Priority: i + 1 })),
    },
    MfaConfiguration: MFA[auth.mfa_configuration] ?? 'OFF',
  };
};

// Gen 2's default app client: no secret, SRP and custom auth and refresh, existence errors hidden.
const GEN2_CLIENT = {
  ClientName: 'app',
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  PreventUserExistenceErrors: 'ENABLED',
};
// The same client as a pre-2020 (LEGACY) one, which tells whether an account exists.
const REVEALING_CLIENT = { ...GEN2_CLIENT, ClientName: 'reveals-user-existence', PreventUserExistenceErrors: 'LEGACY' };

module.exports = { GEN2_DEFAULTS, GEN2_CLIENT, REVEALING_CLIENT, readAmplifyOutputs, userPoolRequest };
