'use strict';

const { CognitoError, UnsupportedError } = require('cognito-local/lib/errors');

// Cognito's error names and exact wording, for the answers the local stack must give as Cognito does.
const cognitoError = (name, message) => new CognitoError(name, message);
const codeMismatch = () =>
  cognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
const expiredCode = () =>
  cognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
const incorrectCredentials = () => cognitoError('NotAuthorizedException', 'Incorrect username or password.');
const userDisabled = () => cognitoError('NotAuthorizedException', 'User is disabled.');
const userDoesNotExist = () => cognitoError('UserNotFoundException', 'User does not exist.');
const usernameClientNotFound = () =>
  cognitoError('UserNotFoundException', 'Username/client id combination not found.');
const invalidParameter = (message) => cognitoError('InvalidParameterException', message);

// cognito-local's wording for errors that Cognito words differently (the pool signs in with email).
const COGNITO_WORDING = [
  ['UserNotFoundException', /^User (does not exist|not found\.)$/, userDoesNotExist],
  ['CodeMismatchException', /^Incorrect confirmation code$/, codeMismatch],
  ['InvalidPasswordException', /^Invalid password$/, incorrectCredentials],
  [
    'UsernameExistsException',
    /^User already exists$/,
    () => cognitoError('UsernameExistsException', 'An account with the given email already exists.'),
  ],
  [
    'ResourceNotFoundException',
    /^App Client (.+) not found$/,
    (id) => cognitoError('ResourceNotFoundException', `User pool client ${id} does not exist.`),
  ],
  [
    'ResourceNotFoundException',
    /^User Pool (.+) not found$/,
    (id) => cognitoError('ResourceNotFoundException', `User pool ${id} does not exist.`),
  ],
];

/** The error as Cognito would say it; errors that are no Cognito answer (bugs, SMTP down) pass unchanged. */
const inCognitoWords = (err) => {
  if (err instanceof UnsupportedError) {
    return cognitoError('UnsupportedOperationException', `Not supported by the local stack (cognito-local): ${err.message}`);
  }
  if (!(err instanceof CognitoError)) return err;
  for (const [code, pattern, reword] of COGNITO_WORDING) {
    const match = err.code === code && pattern.exec(err.message);
    if (match) return reword(match[1]);
  }
  return err;
};

module.exports = {
  CognitoError,
  cognitoError,
  codeMismatch,
  expiredCode,
  incorrectCredentials,
  userDoesNotExist,
  userDisabled,
  usernameClientNotFound,
  invalidParameter,
  inCognitoWords,
};
