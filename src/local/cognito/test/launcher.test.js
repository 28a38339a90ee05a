'use strict';

// Proves the launcher answers like Cognito: starts it against an SMTP sink of its own, each bound
// to a free loopback port by itself (port 0), and calls the Cognito JSON API as Amplify and the AWS SDK do.
// Sessions (tokens, refresh, sign-out, revocation): sessions.test.js.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const { once } = require('node:events');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { AuthenticationDetails, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js');
const { startSmtpSink, startLauncher, call, ok, assertCognitoError, logged, withHostsMapped } = require('./support');

const LAUNCHER = path.join(__dirname, '..', 'launcher.js');
// An app's amplify_outputs.json as `ampx generate outputs` writes it (email or phone sign-in, codes by
// email or SMS, an identity pool with guests): a fictional pool in a real region.
const OUTPUTS = path.join(__dirname, 'amplify_outputs.json');
const OUTPUTS_AUTH = JSON.parse(fs.readFileSync(OUTPUTS, 'utf8')).auth;
const PASSWORD = 'Corr3ct-Horse!';
let smtp;
let stack;
let serial = 0;
const newEmail = (what) => `${what}-${process.pid}-${++serial}@example.test`;
const codeIn = (message) => message.body.match(/\d{6}/)[0];

const signUp = (email, { password = PASSWORD, phone, clientId = stack.clients.app } = {}) =>
  call(stack, 'SignUp', {
    ClientId: clientId,
    Username: email,
    Password: password,
    UserAttributes: [{ Name: 'email', Value: email }, ...(phone ? [{ Name: 'phone_number', Value: phone }] : [])],
  });

/** Signs up and confirms with the emailed code, as a new user does. */
const confirmedUser = async () => {
  const email = newEmail('confirmed');
  const mail = smtp.next(email);
  assert.equal((await signUp(email)).status, 200);
  await ok(stack, 'ConfirmSignUp', { ClientId: stack.clients.app, Username: email, ConfirmationCode: codeIn(await mail) });
  return email;
};

/**
 * Signs in with USER_SRP_AUTH through amazon-cognito-identity-js, an SRP client nobody here wrote:
 * resolves to the tokens, or to { error: { name, message } } as Cognito answered.
 */
const signIn = (email, password, clientId = stack.clients.app, on = stack) =>
  new Promise((resolve) => {
    const pool = new CognitoUserPool({ UserPoolId: on.userPoolId, ClientId: clientId, endpoint: on.endpoint });
    new CognitoUser({ Username: email, Pool: pool }).authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
      onSuccess: (session) => resolve({ tokens: session }),
      onFailure: (err) => resolve({ error: { name: err.code ?? err.name, message: err.message } }),
      newPasswordRequired: () => resolve({ challenge: 'NEW_PASSWORD_REQUIRED' }),
    });
  });

const assertSignedIn = async (attempt) => {
  const result = await attempt;
  assert.ok(result.tokens?.getIdToken().getJwtToken(), `not signed in: ${JSON.stringify(result)}`);
  return result.tokens;
};

const assertSignInRefused = async (attempt, name, message) => {
  assert.deepEqual((await attempt).error, { name, message });
};

const startSrp = (username, clientId = stack.clients.app) =>
  call(stack, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: '2f'.repeat(384) } });

const adminGetUser = (email) => call(stack, 'AdminGetUser', { UserPoolId: stack.userPoolId, Username: email });
const attributeOf = (user, name) => user.UserAttributes.find((a) => a.Name === name)?.Value;

before(async () => {
  smtp = await startSmtpSink();
  stack = await startLauncher(smtp.port, ['--amplify-outputs', OUTPUTS]);
});

after(async () => {
  await stack?.stop();
  smtp?.close();
});

test('with --app-client revealsUserExistence the outputs\' client id is the LEGACY client\'s, so the same build meets the other answer to an unknown user', async () => {
  const legacy = await startLauncher(smtp.port, ['--amplify-outputs', OUTPUTS, '--app-client', 'revealsUserExistence']);
  try {
    assert.equal(legacy.clients.revealsUserExistence, OUTPUTS_AUTH.user_pool_client_id);
    assert.notEqual(legacy.clients.app, OUTPUTS_AUTH.user_pool_client_id);
    const described = await ok(legacy, 'DescribeUserPoolClient', { UserPoolId: legacy.userPoolId, ClientId: OUTPUTS_AUTH.user_pool_client_id });
    assert.equal(described.UserPoolClient.PreventUserExistenceErrors, 'LEGACY');
  } finally {
    await legacy.stop();
  }
});

test('with --amplify-outputs the stand-in is the pool the outputs name: its region, pool id, app client id and identity pool id, in the ready file', async () => {
  assert.match(stack.endpoint, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.equal(stack.region, 'us-east-1');
  assert.equal(stack.userPoolId, OUTPUTS_AUTH.user_pool_id);
  assert.equal(stack.clients.app, OUTPUTS_AUTH.user_pool_client_id);
  assert.match(stack.clients.revealsUserExistence, /^[a-z0-9]+$/);
  assert.notEqual(stack.clients.revealsUserExistence, stack.clients.app);
  assert.equal(stack.identityPoolId, OUTPUTS_AUTH.identity_pool_id);
  assert.equal(stack.issuer, 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Xy9Tb2QwE');
  assert.deepEqual(stack.tls.hosts, ['cognito-idp.us-east-1.amazonaws.com', 'cognito-identity.us-east-1.amazonaws.com']);
  assert.ok(Number.isInteger(stack.tls.port) && stack.tls.port > 0);
  assert.match(stack.tls.spkiSha256, /^[A-Za-z0-9+/]{43}=$/);
  assert.ok(path.isAbsolute(stack.tls.certificate) && fs.existsSync(stack.tls.certificate));
  // What the service itself says, not only the ready file.
  const { UserPool } = await ok(stack, 'DescribeUserPool', { UserPoolId: OUTPUTS_AUTH.user_pool_id });
  assert.equal(UserPool.Id, OUTPUTS_AUTH.user_pool_id);
  assert.match(UserPool.Arn, /^arn:aws:cognito-idp:us-east-1:[^:]+:userpool\/us-east-1_Xy9Tb2QwE$/);
  const { UserPoolClient } = await ok(stack, 'DescribeUserPoolClient', { UserPoolId: stack.userPoolId, ClientId: OUTPUTS_AUTH.user_pool_client_id });
  assert.equal(UserPoolClient.ClientName, 'app');
});

test('started with --port 0, the stand-in answers at the endpoint its ready file names, and its tokens name the pool as Cognito does (https://cognito-idp.<region>.amazonaws.com/<pool id>)', async () => {
  const { port } = new URL(stack.endpoint);
  assert.notEqual(Number(port), 0);
  const pool = await ok(stack, 'DescribeUserPool', { UserPoolId: stack.userPoolId });
  assert.equal(pool.UserPool.Id, stack.userPoolId);
  const tokens = await assertSignedIn(signIn(await confirmedUser(), PASSWORD));
  assert.equal(tokens.getIdToken().decodePayload().iss, stack.issuer);
  assert.equal(tokens.getAccessToken().decodePayload().iss, stack.issuer);
  assert.equal(tokens.getIdToken().decodePayload().aud, stack.clients.app);
});

test('the app client is a Gen 2 default client: existence errors hidden, SRP, custom auth and refresh, no USER_PASSWORD_AUTH; the other one is LEGACY', async () => {
  const describe = async (ClientId) => (await ok(stack, 'DescribeUserPoolClient', { UserPoolId: stack.userPoolId, ClientId })).UserPoolClient;
  const app = await describe(stack.clients.app);
  assert.equal(app.PreventUserExistenceErrors, 'ENABLED');
  assert.deepEqual([...app.ExplicitAuthFlows].sort(), ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH']);
  assert.equal((await describe(stack.clients.revealsUserExistence)).PreventUserExistenceErrors, 'LEGACY');
});

test('USER_PASSWORD_AUTH on a client that does not allow it answers InvalidParameterException "USER_PASSWORD_AUTH flow not enabled for this client" like Cognito', async () => {
  const email = await confirmedUser();
  await assertCognitoError(
    call(stack, 'InitiateAuth', { ClientId: stack.clients.app, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD } }),
    'InvalidParameterException',
    'USER_PASSWORD_AUTH flow not enabled for this client',
  );
});

test('SRP sign-in (amazon-cognito-identity-js) of an unknown user through the LEGACY client answers UserNotFoundException "User does not exist." like Cognito', async () => {
  await assertSignInRefused(signIn(newEmail('nobody'), PASSWORD, stack.clients.revealsUserExistence), 'UserNotFoundException', 'User does not exist.');
});

test('a call naming an unknown app client answers ResourceNotFoundException like Cognito', async () => {
  await assertCognitoError(startSrp(newEmail('nobody'), 'no-such-client'), 'ResourceNotFoundException', 'User pool client no-such-client does not exist.');
});

test('SRP sign-in of an unknown user through the Gen 2 client gets a PASSWORD_VERIFIER challenge, then NotAuthorizedException "Incorrect username or password.", like Cognito with existence errors hidden', async () => {
  const email = newEmail('nobody');
  const challenge = await ok(stack, 'InitiateAuth', { ClientId: stack.clients.app, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: email, SRP_A: '2f'.repeat(384) } });
  assert.equal(challenge.ChallengeName, 'PASSWORD_VERIFIER');
  assert.deepEqual(Object.keys(challenge.ChallengeParameters).sort(), ['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
  await assertSignInRefused(signIn(email, PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');
});

test('SRP sign-in (amazon-cognito-identity-js) with the right password returns tokens; a wrong password answers NotAuthorizedException "Incorrect username or password." like Cognito', async () => {
  const email = await confirmedUser();
  await assertSignInRefused(signIn(email, 'Wr0ng-password!'), 'NotAuthorizedException', 'Incorrect username or password.');
  const tokens = await assertSignedIn(signIn(email, PASSWORD));
  assert.equal(tokens.getIdToken().decodePayload().email, email);
});

test('usernames are case-insensitive as on a Gen 2 pool (CaseSensitive false): sign-in, sign-up duplicates, recovery and admin calls find the user whatever the case', async () => {
  const email = await confirmedUser();
  const shouted = email.toUpperCase();
  await assertSignedIn(signIn(shouted, PASSWORD));
  await assertCognitoError(signUp(shouted), 'UsernameExistsException', 'An account with the given email already exists.');
  assert.equal((await adminGetUser(shouted)).status, 200);
  const mail = smtp.next(email);
  await ok(stack, 'ForgotPassword', { ClientId: stack.clients.app, Username: shouted });
  assert.match((await mail).body, /\d{6}/);
});

test('forgot password for an unknown user answers UserNotFoundException on the LEGACY client, and pretends to send a code on the Gen 2 client, like Cognito', async () => {
  const email = newEmail('nobody');
  await assertCognitoError(
    call(stack, 'ForgotPassword', { ClientId: stack.clients.revealsUserExistence, Username: email }),
    'UserNotFoundException',
    'Username/client id combination not found.',
  );
  const pretended = await ok(stack, 'ForgotPassword', { ClientId: stack.clients.app, Username: email });
  assert.equal(pretended.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
});

test('resending or confirming a code for an unknown user: a simulated delivery and CodeMismatchException on the Gen 2 client, UserNotFoundException on the LEGACY one, like Cognito', async () => {
  const email = newEmail('nobody');
  const resent = await ok(stack, 'ResendConfirmationCode', { ClientId: stack.clients.app, Username: email });
  assert.equal(resent.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
  await assertCognitoError(
    call(stack, 'ConfirmSignUp', { ClientId: stack.clients.app, Username: email, ConfirmationCode: '123456' }),
    'CodeMismatchException',
    'Invalid verification code provided, please try again.',
  );
  for (const operation of ['ResendConfirmationCode', 'ConfirmSignUp']) {
    await assertCognitoError(
      call(stack, operation, { ClientId: stack.clients.revealsUserExistence, Username: email, ConfirmationCode: '123456' }),
      'UserNotFoundException',
      'Username/client id combination not found.',
    );
  }
});

test('confirming sign-up with a wrong code answers CodeMismatchException like Cognito', async () => {
  const email = newEmail('wrong-code');
  const mail = smtp.next(email);
  await ok(stack, 'SignUp', { ClientId: stack.clients.app, Username: email, Password: PASSWORD });
  const wrong = String((Number(codeIn(await mail)) + 1) % 1000000).padStart(6, '0');
  await assertCognitoError(
    call(stack, 'ConfirmSignUp', { ClientId: stack.clients.app, Username: email, ConfirmationCode: wrong }),
    'CodeMismatchException',
    'Invalid verification code provided, please try again.',
  );
});

test('confirming a password reset with a wrong code answers CodeMismatchException like Cognito', async () => {
  const email = await confirmedUser();
  const mail = smtp.next(email);
  await ok(stack, 'ForgotPassword', { ClientId: stack.clients.app, Username: email });
  await mail;
  await assertCognitoError(
    call(stack, 'ConfirmForgotPassword', {
      ClientId: stack.clients.app,
      Username: email,
      ConfirmationCode: 'not-it',
      Password: 'N3w-password!',
    }),
    'CodeMismatchException',
    'Invalid verification code provided, please try again.',
  );
});

test('sign-up with an email already registered answers UsernameExistsException like Cognito', async () => {
  const email = await confirmedUser();
  await assertCognitoError(signUp(email), 'UsernameExistsException', 'An account with the given email already exists.');
});

test('sign-up with only an email mails the code from Cognito\'s sender with Cognito\'s default text, and confirming verifies the email', async () => {
  const email = newEmail('by-email');
  const mail = smtp.next(email);
  const signedUp = await ok(stack, 'SignUp', {
    ClientId: stack.clients.app,
    Username: email,
    Password: PASSWORD,
    UserAttributes: [{ Name: 'email', Value: email }],
  });
  assert.equal(signedUp.UserConfirmed, false);
  assert.deepEqual(signedUp.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'b***@e***' });
  const message = await mail;
  assert.equal(message.from, 'no-reply@verificationemail.com');
  assert.equal(message.subject, 'Your verification code');
  assert.match(message.body, /^Your verification code is \d{6}\. ?$/);

  await ok(stack, 'ConfirmSignUp', { ClientId: stack.clients.app, Username: email, ConfirmationCode: codeIn(message) });
  const user = (await adminGetUser(email)).body;
  assert.equal(user.UserStatus, 'CONFIRMED');
  assert.equal(attributeOf(user, 'email_verified'), 'true');
  assert.equal(user.Username, attributeOf(user, 'sub'), 'with email as username, Username is the sub');
});

test('sign-up with a phone number texts the code (to <digits>@sms.local) and confirming verifies the phone number, like Cognito', async () => {
  const email = newEmail('by-sms');
  const phone = `+1555${String(Date.now()).slice(-7)}`;
  const sms = smtp.next(`${phone.slice(1)}@sms.local`);
  const signedUp = await ok(stack, 'SignUp', {
    ClientId: stack.clients.app,
    Username: email,
    Password: PASSWORD,
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'phone_number', Value: phone },
    ],
  });
  assert.equal(signedUp.CodeDeliveryDetails.DeliveryMedium, 'SMS');
  assert.equal(signedUp.CodeDeliveryDetails.Destination, `+*******${phone.slice(-4)}`);
  const message = await sms;
  assert.equal(message.subject, 'SMS');
  assert.match(message.body, /^Your verification code is \d{6}\. ?$/);

  await ok(stack, 'ConfirmSignUp', { ClientId: stack.clients.app, Username: email, ConfirmationCode: codeIn(message) });
  const user = (await adminGetUser(email)).body;
  assert.equal(attributeOf(user, 'phone_number_verified'), 'true');
  assert.equal(attributeOf(user, 'email_verified'), undefined);
});

test('sign-up enforces the password policy with Cognito\'s messages, length first', async () => {
  const cases = [
    ['Ab1!', 'InvalidParameterException', "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6"],
    ['ab1!xy', 'InvalidPasswordException', 'Password did not conform with policy: Password not long enough'],
    ['abcdefg1!', 'InvalidPasswordException', 'Password did not conform with policy: Password must have uppercase characters'],
    ['ABCDEFG1!', 'InvalidPasswordException', 'Password did not conform with policy: Password must have lowercase characters'],
    ['Abcdefgh!', 'InvalidPasswordException', 'Password did not conform with policy: Password must have numeric characters'],
    ['Abcdefgh1', 'InvalidPasswordException', 'Password did not conform with policy: Password must have symbol characters'],
  ];
  for (const [password, name, message] of cases) {
    await assertCognitoError(signUp(newEmail('weak'), { password }), name, message);
  }
});

test('resetting, admin-setting, admin-creating and changing a password enforce the policy with Cognito\'s "does not conform to" wording', async () => {
  const noSymbol = 'Abcdefgh1';
  const expected = ['InvalidPasswordException', 'Password does not conform to policy: Password must have symbol characters'];
  const email = await confirmedUser();

  const mail = smtp.next(email);
  await ok(stack, 'ForgotPassword', { ClientId: stack.clients.app, Username: email });
  const code = codeIn(await mail);
  await assertCognitoError(
    call(stack, 'ConfirmForgotPassword', { ClientId: stack.clients.app, Username: email, ConfirmationCode: code, Password: noSymbol }),
    ...expected,
  );
  await assertCognitoError(
    call(stack, 'AdminSetUserPassword', { UserPoolId: stack.userPoolId, Username: email, Password: noSymbol, Permanent: true }),
    ...expected,
  );
  await assertCognitoError(
    call(stack, 'AdminCreateUser', {
      UserPoolId: stack.userPoolId,
      Username: newEmail('admin-created'),
      TemporaryPassword: noSymbol,
      MessageAction: 'SUPPRESS',
    }),
    ...expected,
  );
  const AccessToken = (await assertSignedIn(signIn(email, PASSWORD))).getAccessToken().getJwtToken();
  const AuthenticationResult = { AccessToken };
  await assertCognitoError(
    call(stack, 'ChangePassword', { AccessToken: AuthenticationResult.AccessToken, PreviousPassword: PASSWORD, ProposedPassword: noSymbol }),
    ...expected,
  );
  await assertCognitoError(
    call(stack, 'ChangePassword', { AccessToken: AuthenticationResult.AccessToken, PreviousPassword: 'Wr0ng-password!', ProposedPassword: 'Chang3d-password!' }),
    'NotAuthorizedException',
    'Incorrect username or password.',
  );
  await ok(stack, 'ChangePassword', { AccessToken: AuthenticationResult.AccessToken, PreviousPassword: PASSWORD, ProposedPassword: 'Chang3d-password!' });
  await assertSignedIn(signIn(email, 'Chang3d-password!'));
});

test('resending the confirmation code sends a new code that replaces the old, and the 6th resend in an hour answers LimitExceededException, like Cognito', async () => {
  const email = newEmail('resend');
  let mail = smtp.next(email);
  await ok(stack, 'SignUp', { ClientId: stack.clients.app, Username: email, Password: PASSWORD });
  const first = codeIn(await mail);
  let latest = first;
  for (let resend = 1; resend <= 5; resend++) {
    mail = smtp.next(email);
    const answer = await ok(stack, 'ResendConfirmationCode', { ClientId: stack.clients.app, Username: email });
    assert.equal(answer.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
    latest = codeIn(await mail);
  }
  await assertCognitoError(
    call(stack, 'ResendConfirmationCode', { ClientId: stack.clients.app, Username: email }),
    'LimitExceededException',
    'Attempt limit exceeded, please try after some time.',
  );
  await assertCognitoError(
    call(stack, 'ConfirmSignUp', { ClientId: stack.clients.app, Username: email, ConfirmationCode: first }),
    'CodeMismatchException',
    'Invalid verification code provided, please try again.',
  );
  await ok(stack, 'ConfirmSignUp', { ClientId: stack.clients.app, Username: email, ConfirmationCode: latest });
});

test('a pool on Cognito\'s default email account sends --email-daily-limit emails a day (all such pools together), then SignUp, ResendConfirmationCode and ForgotPassword answer LimitExceededException in Cognito\'s words and keep nothing; a pool sending with SES is not limited', async () => {
  const limited = await startLauncher(smtp.port, ['--email-daily-limit', '2']);
  try {
    const client = limited.clients.app;
    const described = await ok(limited, 'DescribeUserPool', { UserPoolId: limited.userPoolId });
    assert.equal(described.UserPool.EmailConfiguration.EmailSendingAccount, 'COGNITO_DEFAULT');
    assert.match(limited.output.text, /send at most 2 emails a day/);
    const spent = [
      'LimitExceededException',
      'Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.',
    ];

    const first = newEmail('quota');
    let mail = smtp.next(first);
    await ok(limited, 'SignUp', { ClientId: client, Username: first, Password: PASSWORD });
    await mail;
    mail = smtp.next(first);
    await ok(limited, 'ResendConfirmationCode', { ClientId: client, Username: first });
    const code = codeIn(await mail);

    const second = newEmail('quota');
    await assertCognitoError(call(limited, 'SignUp', { ClientId: client, Username: second, Password: PASSWORD }), ...spent);
    const kept = await call(limited, 'AdminGetUser', { UserPoolId: limited.userPoolId, Username: second });
    assert.equal(kept.body.__type, 'UserNotFoundException', 'a refused sign-up left a user behind');
    await assertCognitoError(call(limited, 'ResendConfirmationCode', { ClientId: client, Username: first }), ...spent);
    await ok(limited, 'ConfirmSignUp', { ClientId: client, Username: first, ConfirmationCode: code });
    await assertCognitoError(call(limited, 'ForgotPassword', { ClientId: client, Username: first }), ...spent);

    // Another pool of the same account on Cognito's default account shares the spent quota; one
    // sending with SES does not.
    const pool = async (EmailConfiguration) => {
      const { UserPool } = await ok(limited, 'CreateUserPool', {
        PoolName: 'second',
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        ...(EmailConfiguration && { EmailConfiguration }),
      });
      const { UserPoolClient } = await ok(limited, 'CreateUserPoolClient', { UserPoolId: UserPool.Id, ClientName: 'app' });
      return { id: UserPool.Id, client: UserPoolClient.ClientId };
    };
    const other = await pool();
    await assertCognitoError(call(limited, 'SignUp', { ClientId: other.client, Username: newEmail('quota'), Password: PASSWORD }), ...spent);
    const ses = await pool({ EmailSendingAccount: 'DEVELOPER', SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.test' });
    const sesDescribed = await ok(limited, 'DescribeUserPool', { UserPoolId: ses.id });
    assert.equal(sesDescribed.UserPool.EmailConfiguration.EmailSendingAccount, 'DEVELOPER');
    for (let n = 0; n < 3; n++) {
      const email = newEmail('ses');
      mail = smtp.next(email);
      await ok(limited, 'SignUp', { ClientId: ses.client, Username: email, Password: PASSWORD });
      await mail;
    }
  } finally {
    await limited.stop();
  }
});

test('forgot password sends the code to the verified phone when there is one, else to the verified email, and the reset password signs in', async () => {
  const emailOnly = await confirmedUser();
  let mail = smtp.next(emailOnly);
  const byEmail = await ok(stack, 'ForgotPassword', { ClientId: stack.clients.app, Username: emailOnly });
  assert.equal(byEmail.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
  const message = await mail;
  assert.equal(message.subject, 'Your verification code');
  await ok(stack, 'ConfirmForgotPassword', {
    ClientId: stack.clients.app,
    Username: emailOnly,
    ConfirmationCode: codeIn(message),
    Password: 'Res3t-password!',
  });
  await assertSignedIn(signIn(emailOnly, 'Res3t-password!'));
  await assertSignInRefused(signIn(emailOnly, PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');

  const withPhone = newEmail('phone-reset');
  const phone = `+1555${String(Date.now() + 1).slice(-7)}`;
  const smsAddress = `${phone.slice(1)}@sms.local`;
  mail = smtp.next(smsAddress);
  await signUp(withPhone, { phone });
  await ok(stack, 'ConfirmSignUp', { ClientId: stack.clients.app, Username: withPhone, ConfirmationCode: codeIn(await mail) });
  mail = smtp.next(smsAddress);
  const bySms = await ok(stack, 'ForgotPassword', { ClientId: stack.clients.app, Username: withPhone });
  assert.equal(bySms.CodeDeliveryDetails.DeliveryMedium, 'SMS');
  assert.match((await mail).body, /^Your verification code is \d{6}\. ?$/);
});

test('forgot password for a user with no verified email or phone, or disabled: a simulated delivery and no mail on the Gen 2 client, InvalidParameterException on the LEGACY one, like Cognito', async () => {
  const email = newEmail('unconfirmed');
  const mail = smtp.next(email);
  await signUp(email);
  await mail;
  const disabled = await confirmedUser();
  await ok(stack, 'AdminDisableUser', { UserPoolId: stack.userPoolId, Username: disabled });
  const sent = smtp.messages.length;
  assert.deepEqual(await ok(stack, 'ForgotPassword', { ClientId: stack.clients.app, Username: email }), {
    CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: `u***@e***` },
  });
  await assertCognitoError(
    call(stack, 'ForgotPassword', { ClientId: stack.clients.revealsUserExistence, Username: email }),
    'InvalidParameterException',
    'Cannot reset password for the user as there is no registered/verified email or phone_number',
  );
  assert.equal((await ok(stack, 'ForgotPassword', { ClientId: stack.clients.app, Username: disabled })).CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
  assert.equal(smtp.messages.length, sent, 'nothing was mailed');
});

test('confirming a password reset nobody asked for answers ExpiredCodeException; a disabled user\'s answers CodeMismatchException (existence errors hidden), like Cognito', async () => {
  const email = await confirmedUser();
  const confirm = (Username) => call(stack, 'ConfirmForgotPassword', { ClientId: stack.clients.app, Username, ConfirmationCode: '123456', Password: 'N3w-password!' });
  await assertCognitoError(confirm(email), 'ExpiredCodeException', 'Invalid code provided, please request a code again.');
  await ok(stack, 'AdminDisableUser', { UserPoolId: stack.userPoolId, Username: email });
  await assertCognitoError(confirm(email), 'CodeMismatchException', 'Invalid verification code provided, please try again.');
});

test('ADMIN_USER_PASSWORD_AUTH on the Gen 2 client, which does not list it, answers InvalidParameterException "Auth flow not enabled for this client"; a client that lists it signs in', async () => {
  const email = await confirmedUser();
  const adminSignIn = (ClientId) =>
    call(stack, 'AdminInitiateAuth', { UserPoolId: stack.userPoolId, ClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD } });
  await assertCognitoError(adminSignIn(stack.clients.app), 'InvalidParameterException', 'Auth flow not enabled for this client');
  const { UserPoolClient } = await ok(stack, 'CreateUserPoolClient', {
    UserPoolId: stack.userPoolId,
    ClientName: 'admin-sign-in',
    ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  const signedIn = await adminSignIn(UserPoolClient.ClientId);
  assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
  assert.ok(signedIn.body.AuthenticationResult.AccessToken);
});

test('the new password of NEW_PASSWORD_REQUIRED must meet the password policy: InvalidPasswordException "Password does not conform to policy: …", like Cognito', async () => {
  const email = newEmail('temporary');
  await ok(stack, 'AdminCreateUser', {
    UserPoolId: stack.userPoolId,
    Username: email,
    TemporaryPassword: PASSWORD,
    MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
  });
  const newPassword = (password) =>
    new Promise((resolve) => {
      const pool = new CognitoUserPool({ UserPoolId: stack.userPoolId, ClientId: stack.clients.app, endpoint: stack.endpoint });
      const user = new CognitoUser({ Username: email, Pool: pool });
      const callbacks = {
        onSuccess: (session) => resolve({ tokens: session }),
        onFailure: (err) => resolve({ error: { name: err.code, message: err.message } }),
        newPasswordRequired: () => user.completeNewPasswordChallenge(password, {}, callbacks),
      };
      user.authenticateUser(new AuthenticationDetails({ Username: email, Password: PASSWORD }), callbacks);
    });
  assert.deepEqual(await newPassword('short'), { error: { name: 'InvalidPasswordException', message: 'Password does not conform to policy: Password not long enough' } });
  assert.deepEqual(await newPassword('n0-uppercase!'), { error: { name: 'InvalidPasswordException', message: 'Password does not conform to policy: Password must have uppercase characters' } });
  assert.ok((await newPassword('N3w-Horse-Battery!')).tokens);
});

test('an unknown user\'s SRP challenge is like a known one\'s (existence errors hidden): the same salt and a made-up UUID user id every time the name is tried, whatever its case; a known user keeps its salt too', async () => {
  const challenge = async (username) => (await ok(stack, 'InitiateAuth', { ClientId: stack.clients.app, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: '2f'.repeat(384) } })).ChallengeParameters;
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const nobody = newEmail('nobody');
  const [first, again, upper] = [await challenge(nobody), await challenge(nobody), await challenge(nobody.toUpperCase())];
  assert.match(first.USER_ID_FOR_SRP, UUID);
  assert.notEqual(first.USER_ID_FOR_SRP, nobody);
  for (const other of [again, upper]) {
    assert.deepEqual([other.SALT, other.USER_ID_FOR_SRP, other.USERNAME], [first.SALT, first.USER_ID_FOR_SRP, first.USER_ID_FOR_SRP]);
    assert.notEqual(other.SRP_B, first.SRP_B);
  }
  assert.notEqual((await challenge(newEmail('nobody'))).USER_ID_FOR_SRP, first.USER_ID_FOR_SRP);
  const known = await confirmedUser();
  const [k1, k2] = [await challenge(known), await challenge(known)];
  assert.match(k1.USER_ID_FOR_SRP, UUID);
  assert.equal(k2.SALT, k1.SALT);
  assert.equal(k1.SALT.length, first.SALT.length);
  await assertSignedIn(signIn(known, PASSWORD));
});

test('SRP sign-in returns a refresh token that renews the tokens, like Cognito', async () => {
  const email = await confirmedUser();
  const tokens = await assertSignedIn(signIn(email, PASSWORD));
  const refreshed = await ok(stack, 'InitiateAuth', {
    ClientId: stack.clients.app,
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    AuthParameters: { REFRESH_TOKEN: tokens.getRefreshToken().getToken() },
  });
  assert.ok(refreshed.AuthenticationResult.AccessToken);
  const user = await ok(stack, 'GetUser', { AccessToken: refreshed.AuthenticationResult.AccessToken });
  assert.equal(attributeOf(user, 'email'), email);
});

test('an unconfirmed user signing in with the right password answers UserNotConfirmedException like Cognito', async () => {
  const email = newEmail('unconfirmed');
  const mail = smtp.next(email);
  await signUp(email);
  await mail;
  await assertSignInRefused(signIn(email, PASSWORD), 'UserNotConfirmedException', 'User is not confirmed.');
});

test('admin calls: created with SUPPRESS, set permanent → CONFIRMED, found by email = and ^=, deleted → "User does not exist."', async () => {
  const prefix = `admin-${process.pid}-${++serial}`;
  const email = `${prefix}@example.test`;
  const created = await ok(stack, 'AdminCreateUser', {
    UserPoolId: stack.userPoolId,
    Username: email,
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ],
  });
  assert.equal(created.User.UserStatus, 'FORCE_CHANGE_PASSWORD');
  await ok(stack, 'AdminSetUserPassword', { UserPoolId: stack.userPoolId, Username: email, Password: PASSWORD, Permanent: true });
  const user = (await adminGetUser(email)).body;
  assert.equal(user.UserStatus, 'CONFIRMED');
  assert.equal(user.Username, attributeOf(user, 'sub'));
  await assertSignedIn(signIn(email, PASSWORD));

  for (const filter of [`email = "${email}"`, `email="${email}"`, `email ^= "${prefix}"`]) {
    const { Users } = await ok(stack, 'ListUsers', { UserPoolId: stack.userPoolId, Filter: filter });
    assert.deepEqual(Users.map((u) => u.Username), [user.Username], filter);
  }
  const page = await ok(stack, 'ListUsers', { UserPoolId: stack.userPoolId, Limit: 1 });
  assert.equal(page.Users.length, 1);
  assert.ok(page.PaginationToken);

  await ok(stack, 'AdminDeleteUser', { UserPoolId: stack.userPoolId, Username: email });
  await assertCognitoError(adminGetUser(email), 'UserNotFoundException', 'User does not exist.');
  await assertCognitoError(
    call(stack, 'AdminDeleteUser', { UserPoolId: stack.userPoolId, Username: email }),
    'UserNotFoundException',
    'User does not exist.',
  );
});

test("codes are written with the pool's own verification template", async () => {
  const pool = (await ok(stack, 'DescribeUserPool', { UserPoolId: stack.userPoolId })).UserPool;
  const settings = { UserPoolId: stack.userPoolId, AutoVerifiedAttributes: pool.AutoVerifiedAttributes, Policies: pool.Policies };
  await ok(stack, 'UpdateUserPool', {
    ...settings,
    VerificationMessageTemplate: { EmailSubject: 'Welcome aboard', EmailMessage: 'Enter {####} to finish.' },
  });
  try {
    const email = newEmail('template');
    const mail = smtp.next(email);
    await signUp(email);
    const message = await mail;
    assert.equal(message.subject, 'Welcome aboard');
    assert.match(message.body, /^Enter \d{6} to finish\.$/);
  } finally {
    await ok(stack, 'UpdateUserPool', { ...settings, AccountRecoverySetting: pool.AccountRecoverySetting });
  }
});

test('expired sign-up and reset codes answer ExpiredCodeException like Cognito', async () => {
  const shortLived = await startLauncher(smtp.port, ['--signup-code-ttl', '0', '--reset-code-ttl', '0']);
  try {
    const email = newEmail('expired');
    let mail = smtp.next(email);
    await ok(shortLived, 'SignUp', { ClientId: shortLived.clients.app, Username: email, Password: PASSWORD });
    const expired = ['ExpiredCodeException', 'Invalid code provided, please request a code again.'];
    await assertCognitoError(
      call(shortLived, 'ConfirmSignUp', { ClientId: shortLived.clients.app, Username: email, ConfirmationCode: codeIn(await mail) }),
      ...expired,
    );
    await ok(shortLived, 'AdminSetUserPassword', { UserPoolId: shortLived.userPoolId, Username: email, Password: PASSWORD, Permanent: true });
    await ok(shortLived, 'AdminUpdateUserAttributes', {
      UserPoolId: shortLived.userPoolId,
      Username: email,
      UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
    });
    mail = smtp.next(email);
    await ok(shortLived, 'ForgotPassword', { ClientId: shortLived.clients.app, Username: email });
    await assertCognitoError(
      call(shortLived, 'ConfirmForgotPassword', {
        ClientId: shortLived.clients.app,
        Username: email,
        ConfirmationCode: codeIn(await mail),
        Password: 'N3w-password!',
      }),
      ...expired,
    );
  } finally {
    assert.equal(await shortLived.stop(), 0, 'exits cleanly on SIGTERM');
  }
});

test('without --amplify-outputs the pool is Amplify Gen 2\'s default: email sign-in, case-insensitive, email auto-verified and the only recovery, 8/upper/lower/digit/symbol', async () => {
  const gen2 = await startLauncher(smtp.port);
  try {
    // Ids of its own in cognito-local's region "local", no identity pool.
    assert.equal(gen2.region, 'local');
    assert.match(gen2.userPoolId, /^local_[0-9a-zA-Z]+$/);
    assert.match(gen2.clients.app, /^[a-z0-9]+$/);
    assert.equal(gen2.identityPoolId, undefined);
    assert.equal(gen2.issuer, `https://cognito-idp.local.amazonaws.com/${gen2.userPoolId}`);
    assert.deepEqual(gen2.tls.hosts, ['cognito-idp.local.amazonaws.com', 'cognito-identity.local.amazonaws.com']);
    const { UserPool } = await ok(gen2, 'DescribeUserPool', { UserPoolId: gen2.userPoolId });
    assert.deepEqual(UserPool.UsernameAttributes, ['email']);
    assert.deepEqual(UserPool.UsernameConfiguration, { CaseSensitive: false });
    assert.deepEqual(UserPool.AutoVerifiedAttributes, ['email']);
    assert.deepEqual(UserPool.AccountRecoverySetting.RecoveryMechanisms, [{ Name: 'verified_email', Priority: 1 }]);
    assert.deepEqual(
      { ...UserPool.Policies.PasswordPolicy, TemporaryPasswordValidityDays: undefined },
      { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: undefined },
    );
    // Email auto-verified only: a phone number given at sign-up does not get the code.
    const email = newEmail('gen2-default');
    const mail = smtp.next(email);
    const signedUp = await ok(gen2, 'SignUp', {
      ClientId: gen2.clients.app,
      Username: email,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: email }, { Name: 'phone_number', Value: '+15550100999' }],
    });
    assert.equal(signedUp.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
    await mail;
  } finally {
    await gen2.stop();
  }
});

test('an amplify_outputs.json shapes the pool: its password policy and sign-in attributes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-outputs-'));
  const outputs = path.join(dir, 'amplify_outputs.json');
  fs.writeFileSync(outputs, JSON.stringify({
    auth: {
      aws_region: 'eu-west-1',
      user_pool_id: 'eu-west-1_Qm3Zr8Lp1',
      user_pool_client_id: '7h2j4k6l8z0x1c3v5b7n9m2q4w',
      username_attributes: ['phone_number'],
      user_verification_types: ['phone_number'],
      standard_required_attributes: ['phone_number'],
      password_policy: { min_length: 12, require_lowercase: true, require_numbers: false, require_symbols: false, require_uppercase: false },
      mfa_configuration: 'OPTIONAL',
      mfa_methods: ['SMS'],
    },
  }));
  const shaped = await startLauncher(smtp.port, ['--amplify-outputs', outputs]);
  try {
    const { UserPool } = await ok(shaped, 'DescribeUserPool', { UserPoolId: shaped.userPoolId });
    assert.deepEqual(UserPool.UsernameAttributes, ['phone_number']);
    assert.deepEqual(UserPool.AutoVerifiedAttributes, ['phone_number']);
    assert.equal(UserPool.MfaConfiguration, 'OPTIONAL');
    assert.deepEqual(UserPool.AccountRecoverySetting.RecoveryMechanisms, [{ Name: 'verified_phone_number', Priority: 1 }]);
    assert.equal(UserPool.Policies.PasswordPolicy.MinimumLength, 12);
    assert.equal(UserPool.Policies.PasswordPolicy.RequireSymbols, false);
    assert.deepEqual([shaped.region, shaped.userPoolId, shaped.clients.app], ['eu-west-1', 'eu-west-1_Qm3Zr8Lp1', '7h2j4k6l8z0x1c3v5b7n9m2q4w']);
    // No identity_pool_id in the outputs: no identity pool, and none in the ready file.
    assert.equal(shaped.identityPoolId, undefined);
  } finally {
    await shaped.stop();
  }
});

test('an admin-created user with a temporary password gets NEW_PASSWORD_REQUIRED after SRP, like Cognito', async () => {
  const email = newEmail('temporary');
  await ok(stack, 'AdminCreateUser', {
    UserPoolId: stack.userPoolId,
    Username: email,
    TemporaryPassword: PASSWORD,
    MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
  });
  assert.deepEqual(await signIn(email, PASSWORD), { challenge: 'NEW_PASSWORD_REQUIRED' });
});

// Amplify JS's own default sign-in, as the reference app and the stock <Authenticator> call it.
// (Its signUp with autoSignIn arms a 3-minute timer that nothing can clear, hence npm test's
// --test-force-exit.)
const amplifyAuth = (clientId = stack.clients.app) => {
  const { Amplify } = require('aws-amplify');
  Amplify.configure({ Auth: { Cognito: { userPoolId: stack.userPoolId, userPoolClientId: clientId, userPoolEndpoint: stack.endpoint } } });
  return require('aws-amplify/auth');
};
const amplifyError = (promise) => promise.then(
  (result) => ({ result }),
  (err) => ({ error: { name: err.name, message: err.message } }),
);

test('Amplify JS signIn (default flow, USER_SRP_AUTH) signs a returning user in and a wrong password is NotAuthorizedException, like Cognito', async () => {
  const email = await confirmedUser();
  const auth = amplifyAuth();
  assert.deepEqual(await amplifyError(auth.signIn({ username: email, password: 'Wr0ng-password!' })), {
    error: { name: 'NotAuthorizedException', message: 'Incorrect username or password.' },
  });
  const { isSignedIn, nextStep } = await auth.signIn({ username: email.toUpperCase(), password: PASSWORD });
  assert.deepEqual({ isSignedIn, step: nextStep.signInStep }, { isSignedIn: true, step: 'DONE' });
  assert.equal((await auth.fetchUserAttributes()).email, email);
  await auth.signOut();
});

test('Amplify JS signIn of an unknown user: NotAuthorizedException on the Gen 2 client, UserNotFoundException on the LEGACY one, like Cognito', async () => {
  const email = newEmail('nobody');
  assert.deepEqual(await amplifyError(amplifyAuth().signIn({ username: email, password: PASSWORD })), {
    error: { name: 'NotAuthorizedException', message: 'Incorrect username or password.' },
  });
  assert.deepEqual(await amplifyError(amplifyAuth(stack.clients.revealsUserExistence).signIn({ username: email, password: PASSWORD })), {
    error: { name: 'UserNotFoundException', message: 'User does not exist.' },
  });
});

test('Amplify JS signIn of an unconfirmed user with the right password gets the CONFIRM_SIGN_UP step (UserNotConfirmedException), like Cognito', async () => {
  const email = newEmail('unconfirmed');
  const mail = smtp.next(email);
  await signUp(email);
  await mail;
  const { isSignedIn, nextStep } = await amplifyAuth().signIn({ username: email, password: PASSWORD });
  assert.deepEqual({ isSignedIn, step: nextStep.signInStep }, { isSignedIn: false, step: 'CONFIRM_SIGN_UP' });
});

test('Amplify JS signUp with autoSignIn, confirmSignUp, then autoSignIn signs the new user in (by SRP), as against Cognito', async () => {
  const email = newEmail('auto-sign-in');
  const auth = amplifyAuth();
  const mail = smtp.next(email);
  const signedUp = await auth.signUp({ username: email, password: PASSWORD, options: { userAttributes: { email }, autoSignIn: true } });
  assert.equal(signedUp.nextStep.signUpStep, 'CONFIRM_SIGN_UP');
  const confirmed = await auth.confirmSignUp({ username: email, confirmationCode: codeIn(await mail) });
  assert.equal(confirmed.nextStep.signUpStep, 'COMPLETE_AUTO_SIGN_IN');
  const { isSignedIn } = await auth.autoSignIn();
  assert.equal(isSignedIn, true);
  assert.equal((await auth.fetchUserAttributes()).email_verified, 'true');
  await auth.signOut();
});

// --- An unmodified app: Amplify.configure(outputs), the two AWS host names mapped to the TLS front ---

/** A call to https://<host>/ as a browser page makes it, through the mapping. */
const callHost = async (dispatcher, host, target, body, headers = {}) => {
  const response = await fetch(`https://${host}/`, {
    dispatcher,
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, errorType: response.headers.get('x-amzn-errortype'), body: await response.json() };
};
const IDP = 'cognito-idp.us-east-1.amazonaws.com';
const IDENTITY = 'cognito-identity.us-east-1.amazonaws.com';
const identityCall = (dispatcher, operation, body) => callHost(dispatcher, IDENTITY, `AWSCognitoIdentityService.${operation}`, body);

test('the TLS port serves, for both host names, a certificate naming both (subjectAltName) whose SPKI SHA-256 is the ready file\'s tls.spkiSha256', async () => {
  const tls = require('node:tls');
  const { X509Certificate, createHash } = require('node:crypto');
  const ca = fs.readFileSync(stack.tls.certificate, 'utf8');
  for (const servername of stack.tls.hosts) {
    const socket = tls.connect({ host: '127.0.0.1', port: stack.tls.port, servername, ca });
    await once(socket, 'secureConnect');
    const served = new X509Certificate(socket.getPeerCertificate(true).raw);
    socket.destroy();
    assert.equal(served.subjectAltName, 'DNS:cognito-idp.us-east-1.amazonaws.com, DNS:cognito-identity.us-east-1.amazonaws.com');
    assert.equal(served.checkHost(servername), servername);
    assert.equal(served.ca, false);
    assert.ok(new Date(served.validTo) > new Date(Date.now() + 24 * 3600 * 1000));
    const spki = served.publicKey.export({ type: 'spki', format: 'der' });
    assert.equal(createHash('sha256').update(spki).digest('base64'), stack.tls.spkiSha256);
    assert.equal(served.fingerprint256, new X509Certificate(ca).fingerprint256, 'the certificate in the file is the one served');
  }
});

test('Amplify JS configured with Amplify.configure(outputs) unchanged signs up, confirms, signs in by SRP and gets an identity id and credentials from the stand-in over TLS; the identity is the user\'s for good; a guest gets one of its own', async () => {
  const { Amplify } = require('aws-amplify');
  const auth = require('aws-amplify/auth');
  Amplify.configure(JSON.parse(fs.readFileSync(OUTPUTS, 'utf8')));
  await withHostsMapped(stack, async () => {
    const email = newEmail('unmodified-app');
    const mail = smtp.next(email);
    const signedUp = await auth.signUp({ username: email, password: PASSWORD, options: { userAttributes: { email } } });
    assert.equal(signedUp.nextStep.signUpStep, 'CONFIRM_SIGN_UP');
    await auth.confirmSignUp({ username: email, confirmationCode: codeIn(await mail) });
    const { isSignedIn } = await auth.signIn({ username: email, password: PASSWORD });
    assert.equal(isSignedIn, true);

    const session = await auth.fetchAuthSession();
    assert.equal(session.tokens.idToken.payload.iss, stack.issuer);
    assert.equal(session.tokens.idToken.payload.email, email);
    assert.match(session.identityId, /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.match(session.credentials.accessKeyId, /^ASIA[A-Z2-7]{16}$/);
    assert.ok(session.credentials.secretAccessKey && session.credentials.sessionToken);
    assert.ok(session.credentials.expiration instanceof Date && session.credentials.expiration > new Date(), 'Expiration read as epoch seconds');
    assert.equal(session.userSub, session.tokens.idToken.payload.sub);

    await auth.signOut();
    const guest = await auth.fetchAuthSession();
    assert.equal(guest.tokens, undefined);
    assert.match(guest.identityId, /^us-east-1:[0-9a-f-]{36}$/);
    assert.notEqual(guest.identityId, session.identityId);
    assert.match(guest.credentials.accessKeyId, /^ASIA/);

    // Signed in again on the same device: the guest identity gives way to the user's own.
    await auth.signIn({ username: email, password: PASSWORD });
    const again = await auth.fetchAuthSession({ forceRefresh: true });
    assert.equal(again.identityId, session.identityId);
    await auth.signOut();
  });
});

test('Cognito Identity refuses what Cognito refuses: another identity pool, a token that is not this pool\'s, a signed-in identity without its login', async () => {
  const { createSign, generateKeyPairSync } = require('node:crypto');
  const email = await confirmedUser();
  const idToken = (await assertSignedIn(signIn(email, PASSWORD))).getIdToken().getJwtToken();
  const claims = JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url'));
  const provider = stack.issuer.replace('https://', '');
  // A token with other claims, signed by a key that is not the pool's.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forged = (changes) => {
    const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${part({ kid: JSON.parse(Buffer.from(idToken.split('.')[0], 'base64url')).kid, alg: 'RS256' })}.${part({ ...claims, ...changes })}`;
    return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey, 'base64url')}`;
  };
  await withHostsMapped(stack, async (mapped) => {
    const IdentityPoolId = stack.identityPoolId;
    const refused = async (operation, body, name, message) => {
      const answer = await identityCall(mapped, operation, body);
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      assert.equal(answer.errorType, `${name}:`);
      assert.equal(answer.body.__type, name);
      if (message instanceof RegExp) assert.match(answer.body.message, message);
      else assert.equal(answer.body.message, message);
    };
    const wrongPool = 'us-east-1:00000000-0000-4000-8000-000000000000';
    await refused('GetId', { IdentityPoolId: wrongPool }, 'ResourceNotFoundException', `IdentityPool '${wrongPool}' not found.`);
    await refused('GetId', { IdentityPoolId, Logins: { [provider]: forged({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other0000' }) } }, 'NotAuthorizedException', "Invalid login token. Issuer doesn't match providerName");
    await refused('GetId', { IdentityPoolId, Logins: { [provider]: `${idToken.slice(0, -4)}AAAA` } }, 'NotAuthorizedException', 'Invalid login token. Not a valid OpenId Connect identity token.');
    await refused('GetId', { IdentityPoolId, Logins: { [provider]: forged({ exp: Math.floor(Date.now() / 1000) + 3600 }) } }, 'NotAuthorizedException', 'Invalid login token. Not a valid OpenId Connect identity token.');
    await refused('GetId', { IdentityPoolId, Logins: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Other0000': idToken } }, 'NotAuthorizedException', 'Token is not from a supported provider of this identity pool.');

    const { body } = await identityCall(mapped, 'GetId', { IdentityPoolId, Logins: { [provider]: idToken } });
    const again = (await assertSignedIn(signIn(email, PASSWORD))).getIdToken().getJwtToken();
    assert.equal((await identityCall(mapped, 'GetId', { IdentityPoolId, Logins: { [provider]: again } })).body.IdentityId, body.IdentityId, 'one identity per user');
    await refused('GetCredentialsForIdentity', { IdentityId: body.IdentityId }, 'NotAuthorizedException', `Access to Identity '${body.IdentityId}' is forbidden.`);
    const unknown = 'us-east-1:11111111-1111-4111-8111-111111111111';
    await refused('GetCredentialsForIdentity', { IdentityId: unknown }, 'ResourceNotFoundException', `Identity '${unknown}' not found.`);
    const credentials = await identityCall(mapped, 'GetCredentialsForIdentity', { IdentityId: body.IdentityId, Logins: { [provider]: idToken } });
    assert.equal(credentials.status, 200);
    assert.deepEqual(Object.keys(credentials.body.Credentials).sort(), ['AccessKeyId', 'Expiration', 'SecretKey', 'SessionToken']);
    assert.ok(Number.isInteger(credentials.body.Credentials.Expiration), 'epoch seconds');
    assert.ok(Math.abs(credentials.body.Credentials.Expiration - (Date.now() / 1000 + 3600)) < 60);

    // Each host serves its own service only, and no other host name is answered.
    const crossed = await callHost(mapped, IDENTITY, 'AWSCognitoIdentityProviderService.DescribeUserPool', { UserPoolId: stack.userPoolId });
    assert.equal(crossed.errorType, 'UnknownOperationException:');
  });
  const misdirected = await new Promise((resolve, reject) => {
    const https = require('node:https');
    const req = https.request(
      { host: '127.0.0.1', port: stack.tls.port, servername: IDP, ca: fs.readFileSync(stack.tls.certificate), method: 'POST', path: '/', headers: { host: 'example.com', 'x-amz-target': 'AWSCognitoIdentityProviderService.DescribeUserPool' } },
      (res) => (res.resume(), resolve(res.statusCode)),
    );
    req.on('error', reject);
    req.end('{}');
  });
  assert.equal(misdirected, 421);
  await logged(stack, '] example.com refused: the TLS front serves cognito-idp.us-east-1.amazonaws.com and cognito-identity.us-east-1.amazonaws.com only\n');
});

test('CORS on the TLS front: the preflight of a page on another origin gets every header Amplify sends allowed, and answers expose what Amplify reads', async () => {
  await withHostsMapped(stack, async (dispatcher) => {
    // What Amplify JS's fetch sends (content-type and x-amz-target from its serializers; x-amz-user-agent,
    // amz-sdk-invocation-id, amz-sdk-request from its middleware; cache-control to Cognito Identity).
    const requested = 'amz-sdk-invocation-id,amz-sdk-request,cache-control,content-type,x-amz-target,x-amz-user-agent';
    for (const host of [IDP, IDENTITY]) {
      const preflight = await fetch(`https://${host}/`, {
        dispatcher,
        method: 'OPTIONS',
        headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': requested },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
      assert.match(preflight.headers.get('access-control-allow-methods'), /\bPOST\b/);
      assert.equal(preflight.headers.get('access-control-allow-headers'), requested);
    }
    const answer = await identityCall(dispatcher, 'GetId', { IdentityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000' });
    assert.equal(answer.headers.get('access-control-allow-origin'), '*');
    assert.match(answer.headers.get('access-control-expose-headers'), /x-amzn-ErrorType/);
    assert.match(answer.headers.get('access-control-expose-headers'), /x-amzn-RequestId/);
  });
});

test('guests get no identity when the outputs say unauthenticated_identities_enabled false, and the log names the plain-HTTP host and the identity pool', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-outputs-'));
  const outputs = path.join(dir, 'amplify_outputs.json');
  fs.writeFileSync(outputs, JSON.stringify({ version: '1.4', auth: { ...OUTPUTS_AUTH, unauthenticated_identities_enabled: false } }));
  const noGuests = await startLauncher(smtp.port, ['--amplify-outputs', outputs]);
  try {
    const response = await fetch(noGuests.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.GetId' },
      body: JSON.stringify({ IdentityPoolId: noGuests.identityPoolId }),
    });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      __type: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
    const line = `127.0.0.1:${new URL(noGuests.endpoint).port} ${noGuests.identityPoolId} GetId 400 NotAuthorizedException`;
    await logged(noGuests, `] ${line}\n`);
  } finally {
    await noGuests.stop();
  }
});

test('an outputs file with a missing or ill-formed region, pool id, client id or identity pool id ends the launcher with one line naming the file and the key', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-outputs-'));
  const cases = [
    [{ aws_region: undefined }, 'auth.aws_region is missing'],
    [{ user_pool_id: 'us-east-1Xy9Tb2QwE' }, "auth.user_pool_id is 'us-east-1Xy9Tb2QwE', not us-east-1_<id>"],
    [{ user_pool_id: 'eu-west-1_Xy9Tb2QwE' }, "auth.user_pool_id is 'eu-west-1_Xy9Tb2QwE', not us-east-1_<id>"],
    [{ user_pool_client_id: 'replaced-by-the-local-stack' }, "auth.user_pool_client_id is 'replaced-by-the-local-stack'"],
    [{ user_pool_client_id: 42 }, 'auth.user_pool_client_id is 42'],
    [{ identity_pool_id: 'us-east-1_notanidentitypool' }, "auth.identity_pool_id is 'us-east-1_notanidentitypool', not us-east-1:<uuid>"],
  ];
  for (const [change, expected] of cases) {
    const outputs = path.join(dir, 'amplify_outputs.json');
    fs.writeFileSync(outputs, JSON.stringify({ auth: { ...OUTPUTS_AUTH, ...change } }));
    const child = spawn(process.execPath, [
      LAUNCHER, '--port', '0', '--data-dir', path.join(dir, 'data'), '--smtp-host', '127.0.0.1',
      '--smtp-port', String(smtp.port), '--ready-file', path.join(dir, 'ready.json'), '--amplify-outputs', outputs,
    ]);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 1, expected);
    assert.ok(stderr.startsWith(`cognito launcher: --amplify-outputs ${outputs}: ${expected}`), stderr);
    assert.equal(stderr.split('\n').length, 2, `one line: ${stderr}`);
    assert.ok(!fs.existsSync(path.join(dir, 'ready.json')));
  }
});

test('bad arguments and a taken port end the launcher with one clear line and a non-zero exit', async () => {
  const run = async (args) => {
    const child = spawn(process.execPath, [LAUNCHER, ...args]);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    return { code, stderr };
  };
  const bad = await run(['--port', 'nope']);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /^cognito launcher: --port must be a port number 1-65535 or 0 for any free port, got 'nope'\n$/);
  const badLimit = await run(['--email-daily-limit', '-1']);
  assert.notEqual(badLimit.code, 0);
  assert.match(badLimit.stderr, /^cognito launcher: --email-daily-limit must be a whole number, got '-1'\n$/);
  const badLifetime = await run(['--access-token-validity', '0']);
  assert.notEqual(badLifetime.code, 0);
  assert.match(badLifetime.stderr, /^cognito launcher: --access-token-validity must be a whole number of seconds, 1 or more, got '0'\n$/);

  const takenPort = new URL(stack.endpoint).port;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-launcher-'));
  const taken = await run([
    '--port', takenPort,
    '--data-dir', path.join(dir, 'data'),
    '--smtp-host', '127.0.0.1',
    '--smtp-port', String(smtp.port),
    '--ready-file', path.join(dir, 'ready.json'),
  ]);
  assert.notEqual(taken.code, 0);
  assert.equal(taken.stderr, `cognito launcher: port ${takenPort} on 127.0.0.1 is already in use\n`);
});

test('the log names each message\'s kind and recipient and each sign-in\'s flow, but never a code or a password', () => {
  assert.match(stack.output.text, /sent SignUp message by EMAIL to by-email-/);
  // Each call with the host it came for and the pool: 127.0.0.1:<port> for plain HTTP.
  const plain = `127.0.0.1:${new URL(stack.endpoint).port} ${stack.userPoolId}`;
  assert.ok(stack.output.text.includes(`] ${plain} InitiateAuth USER_SRP_AUTH 200\n`), 'a plain-HTTP SRP sign-in line');
  assert.ok(stack.output.text.includes(`] ${plain} RespondToAuthChallenge PASSWORD_VERIFIER 200\n`));
  assert.ok(stack.output.text.includes(`] cognito-idp.us-east-1.amazonaws.com us-east-1_Xy9Tb2QwE InitiateAuth USER_SRP_AUTH 200\n`), 'a TLS SRP sign-in line');
  assert.match(stack.output.text, /\] cognito-identity\.us-east-1\.amazonaws\.com us-east-1:0b7e4c2a-9d31-4f6e-b8a5-3c1d2e4f6a7b GetCredentialsForIdentity 200$/m);
  assert.ok(!/eyJ[\w-]+\.eyJ/.test(stack.output.text), 'a token appears in the log');
  for (const message of smtp.messages) {
    assert.ok(!stack.output.text.includes(codeIn(message)), 'a code appears in the log');
  }
  assert.ok(!stack.output.text.includes(PASSWORD), 'a password appears in the log');
});
