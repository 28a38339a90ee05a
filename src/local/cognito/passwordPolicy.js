'use strict';

const { cognitoError, invalidParameter } = require('./errors');

// Cognito counts only these as symbols (its docs list them), and a space that is not at either end.
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-');
const hasSymbol = (password) => [...password].some((c) => SYMBOLS.has(c)) || password.trim().includes(' ');

// Cognito checks the rules in this order and reports only the first one broken.
const RULES = [
  ['MinimumLength', (p, policy) => p.length >= (policy.MinimumLength ?? 8), 'Password not long enough'],
  ['RequireUppercase', (p) => /[A-Z]/.test(p), 'Password must have uppercase characters'],
  ['RequireLowercase', (p) => /[a-z]/.test(p), 'Password must have lowercase characters'],
  ['RequireNumbers', (p) => /[0-9]/.test(p), 'Password must have numeric characters'],
  ['RequireSymbols', hasSymbol, 'Password must have symbol characters'],
];

// Cognito words the same rule two ways: SignUp says "Password did not conform with policy: …",
// the calls that set a password on an existing user say "Password does not conform to policy: …".
const SIGN_UP_PREFIX = 'Password did not conform with policy';
const SET_PASSWORD_PREFIX = 'Password does not conform to policy';

/** Throws Cognito's InvalidPasswordException when `password` breaks the pool's password policy. */
const enforcePasswordPolicy = (password, poolOptions, prefix = SET_PASSWORD_PREFIX) => {
  const policy = poolOptions.Policies?.PasswordPolicy ?? {};
  for (const [setting, holds, message] of RULES) {
    if (policy[setting] && !holds(password ?? '', policy)) {
      throw cognitoError('InvalidPasswordException', `${prefix}: ${message}`);
    }
  }
};

/** SignUp's request validation, which Cognito runs before the policy. */
const enforceSignUpPasswordLength = (password) => {
  if ((password ?? '').length < 6) {
    throw invalidParameter(
      "1 validation error detected: Value at 'password' failed to satisfy constraint: " +
        'Member must have length greater than or equal to 6',
    );
  }
};

module.exports = { enforcePasswordPolicy, enforceSignUpPasswordLength, SIGN_UP_PREFIX };
