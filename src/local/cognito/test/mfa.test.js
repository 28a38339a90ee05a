'use strict';

// Proves the stand-in's multi-factor and passwordless sign-in are Cognito's as Amplify JS meets
// them: its own signIn / confirmSignIn / setUpTOTP / verifyTOTPSetup / updateMFAPreference /
// fetchMFAPreference against pools whose MFA is REQUIRED (TOTP), OPTIONAL (TOTP, SMS, email), and
// one with email-code sign-in (USER_AUTH), plus the admin path that seeds a user's factor.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { createHmac } = require('node:crypto');
const path = require('node:path');

const { startSmtpSink, startLauncher, call, ok, assertCognitoError } = require('./support');
const { totpAt } = require('../mfa');

const OUTPUTS = path.join(__dirname, 'amplify_outputs.json');
const PASSWORD = 'Corr3ct-Horse!';

let smtp;
let required; // MFA REQUIRED, TOTP only
let optional; // MFA OPTIONAL with TOTP, SMS and email
let passwordless; // email-code sign-in, MFA off
let serial = 0;

before(async () => {
  smtp = await startSmtpSink();
  [required, optional, passwordless] = await Promise.all([
    startLauncher(smtp.port, ['--amplify-outputs', OUTPUTS, '--mfa', 'REQUIRED', '--mfa-methods', 'TOTP']),
    startLauncher(smtp.port, ['--amplify-outputs', OUTPUTS, '--mfa', 'OPTIONAL', '--mfa-methods', 'TOTP,SMS,EMAIL']),
    startLauncher(smtp.port, ['--amplify-outputs', OUTPUTS, '--email-otp-login', 'true']),
  ]);
});

after(async () => {
  await Promise.all([required?.stop(), optional?.stop(), passwordless?.stop()]);
  smtp?.close();
});

// The tests' own RFC 6238 (HMAC-SHA1, 30 s, 6 digits), written apart from the stand-in's so the two check each other.
const totp = (secret, at = Date.now()) => {
  const bits = [...secret].map((c) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(c).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[19] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1e6).padStart(6, '0');
};
// A code that is not the current one nor its neighbours' (five minutes off).
const wrongTotp = (secret) => totp(secret, Date.now() + 5 * 60 * 1000);
const codeIn = (mail) => mail.body.match(/\d{6,8}/)[0];
const smsInbox = (phone) => `${phone.replace(/\D/g, '')}@sms.local`;

/** A confirmed user of `on`'s pool with a verified email (and a phone number when given). */
const confirmedUser = async (on, phone) => {
  const email = `mfa-${process.pid}-${++serial}@example.test`;
  await ok(on, 'AdminCreateUser', {
    UserPoolId: on.userPoolId,
    Username: email,
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
      ...(phone ? [{ Name: 'phone_number', Value: phone }, { Name: 'phone_number_verified', Value: 'true' }] : []),
    ],
  });
  await ok(on, 'AdminSetUserPassword', { UserPoolId: on.userPoolId, Username: email, Password: PASSWORD, Permanent: true });
  return email;
};

/** Amplify JS configured for `on`, tokens kept in a Map, signed out of any earlier test. */
const amplifyAuth = async (on, cognito = {}) => {
  const { Amplify } = require('aws-amplify');
  const { cognitoUserPoolsTokenProvider } = require('aws-amplify/auth/cognito');
  const auth = require('aws-amplify/auth');
  await auth.signOut().catch(() => {});
  Amplify.configure({ Auth: { Cognito: { userPoolId: on.userPoolId, userPoolClientId: on.clients.app, userPoolEndpoint: on.endpoint, ...cognito } } });
  const store = new Map();
  cognitoUserPoolsTokenProvider.setKeyValueStorage({
    setItem: async (key, value) => void store.set(key, value),
    getItem: async (key) => store.get(key) ?? null,
    removeItem: async (key) => void store.delete(key),
    clear: async () => store.clear(),
  });
  return auth;
};
const refused = (promise) => promise.then(
  () => assert.fail('expected a refusal'),
  (err) => ({ name: err.name, message: err.message }),
);
const signedIn = { isSignedIn: true, nextStep: { signInStep: 'DONE' } };

test('the stand-in\'s TOTP is RFC 6238\'s: the RFC\'s SHA-1 test vectors at 59 s and 1111111109 s, 6 digits', () => {
  // RFC 6238 Appendix B, key "12345678901234567890" (base32 below); the 8-digit values end in these 6.
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  assert.equal(totpAt(secret, Math.floor(59 / 30)), '287082');
  assert.equal(totpAt(secret, Math.floor(1111111109 / 30)), '081804');
  assert.equal(totp(secret, 59000), '287082');
});

test('the pool shapes are served as Cognito reports them: ready file, DescribeUserPool, GetUserPoolMfaConfig, the app client\'s flows', async () => {
  assert.deepEqual([required.mfa, optional.mfa, passwordless.mfa], [
    { configuration: 'REQUIRED', methods: ['TOTP'] },
    { configuration: 'OPTIONAL', methods: ['TOTP', 'SMS', 'EMAIL'] },
    { configuration: 'NONE', methods: [] },
  ]);
  assert.deepEqual([required.passwordless, passwordless.passwordless], [{ emailOtp: false }, { emailOtp: true }]);
  const pool = async (on) => (await ok(on, 'DescribeUserPool', { UserPoolId: on.userPoolId })).UserPool;
  assert.equal((await pool(required)).MfaConfiguration, 'ON');
  assert.equal((await pool(optional)).MfaConfiguration, 'OPTIONAL');
  assert.deepEqual((await pool(passwordless)).Policies.SignInPolicy, { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] });
  assert.deepEqual((await pool(required)).Policies.SignInPolicy, { AllowedFirstAuthFactors: ['PASSWORD'] });
  const requiredMfa = await ok(required, 'GetUserPoolMfaConfig', { UserPoolId: required.userPoolId });
  assert.deepEqual(requiredMfa, { MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });
  const optionalMfa = await ok(optional, 'GetUserPoolMfaConfig', { UserPoolId: optional.userPoolId });
  assert.deepEqual(Object.keys(optionalMfa).sort(), ['EmailMfaConfiguration', 'MfaConfiguration', 'SmsMfaConfiguration', 'SoftwareTokenMfaConfiguration']);
  const flows = async (on) => (await ok(on, 'DescribeUserPoolClient', { UserPoolId: on.userPoolId, ClientId: on.clients.app })).UserPoolClient.ExplicitAuthFlows;
  assert.ok((await flows(passwordless)).includes('ALLOW_USER_AUTH'));
  assert.ok(!(await flows(required)).includes('ALLOW_USER_AUTH'));
});

test('MFA REQUIRED with TOTP: a first sign-in must set up TOTP (CONTINUE_SIGN_IN_WITH_TOTP_SETUP), a wrong setup code is refused, the right one signs in; the next sign-in asks for the TOTP code', async () => {
  const email = await confirmedUser(required);
  const auth = await amplifyAuth(required);
  const first = await auth.signIn({ username: email, password: PASSWORD });
  assert.equal(first.nextStep.signInStep, 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP');
  const secret = first.nextStep.totpSetupDetails.sharedSecret;
  assert.match(secret, /^[A-Z2-7]{52}$/);
  assert.deepEqual(await refused(auth.confirmSignIn({ challengeResponse: wrongTotp(secret) })), { name: 'EnableSoftwareTokenMFAException', message: 'Code mismatch' });
  assert.deepEqual(await auth.confirmSignIn({ challengeResponse: totp(secret) }), signedIn);
  assert.deepEqual(await auth.fetchMFAPreference(), { enabled: ['TOTP'], preferred: 'TOTP' });
  await auth.signOut();

  const again = await auth.signIn({ username: email, password: PASSWORD });
  assert.deepEqual(again, { isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' } });
  assert.deepEqual(await refused(auth.confirmSignIn({ challengeResponse: wrongTotp(secret) })), { name: 'CodeMismatchException', message: 'Invalid code received for user' });
  assert.deepEqual(await auth.confirmSignIn({ challengeResponse: totp(secret) }), signedIn);
  const { UserMFASettingList, PreferredMfaSetting } = await ok(required, 'AdminGetUser', { UserPoolId: required.userPoolId, Username: email });
  assert.deepEqual({ UserMFASettingList, PreferredMfaSetting }, { UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' });
});

test('MFA OPTIONAL: no factor signs in with the password alone; setUpTOTP, verifyTOTPSetup and updateMFAPreference make TOTP the challenge; SMS and email preferred send their code', async () => {
  const phone = `+1555${String(process.pid % 1e7).padStart(7, '0')}`;
  const email = await confirmedUser(optional, phone);
  const auth = await amplifyAuth(optional);
  assert.deepEqual(await auth.signIn({ username: email, password: PASSWORD }), signedIn);
  assert.deepEqual(await auth.fetchMFAPreference(), { enabled: undefined, preferred: undefined });

  const { sharedSecret } = await auth.setUpTOTP();
  assert.deepEqual(await refused(auth.verifyTOTPSetup({ code: wrongTotp(sharedSecret) })), { name: 'EnableSoftwareTokenMFAException', message: 'Code mismatch' });
  await auth.verifyTOTPSetup({ code: totp(sharedSecret) });
  await auth.updateMFAPreference({ totp: 'PREFERRED' });
  assert.deepEqual(await auth.fetchMFAPreference(), { enabled: ['TOTP'], preferred: 'TOTP' });
  await auth.signOut();
  assert.equal((await auth.signIn({ username: email, password: PASSWORD })).nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  assert.deepEqual(await auth.confirmSignIn({ challengeResponse: totp(sharedSecret) }), signedIn);

  await auth.updateMFAPreference({ sms: 'PREFERRED' });
  assert.deepEqual(await auth.fetchMFAPreference(), { enabled: ['TOTP', 'SMS'], preferred: 'SMS' });
  await auth.signOut();
  const sms = smtp.next(smsInbox(phone));
  const bySms = await auth.signIn({ username: email, password: PASSWORD });
  assert.deepEqual(bySms.nextStep, {
    signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
    codeDeliveryDetails: { deliveryMedium: 'SMS', destination: `+*******${phone.slice(-4)}` },
  });
  const smsCode = codeIn(await sms);
  assert.match(smsCode, /^\d{6}$/);
  assert.deepEqual(await refused(auth.confirmSignIn({ challengeResponse: smsCode === '000000' ? '000001' : '000000' })), { name: 'CodeMismatchException', message: 'Invalid code received for user' });
  assert.deepEqual(await auth.confirmSignIn({ challengeResponse: smsCode }), signedIn);

  await auth.updateMFAPreference({ email: 'PREFERRED' });
  await auth.signOut();
  const mail = smtp.next(email);
  const byEmail = await auth.signIn({ username: email, password: PASSWORD });
  assert.deepEqual(byEmail.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
  assert.equal(byEmail.nextStep.codeDeliveryDetails.deliveryMedium, 'EMAIL');
  const emailCode = codeIn(await mail);
  assert.match(emailCode, /^\d{8}$/);
  assert.deepEqual(await auth.confirmSignIn({ challengeResponse: emailCode }), signedIn);
  const user = await ok(optional, 'AdminGetUser', { UserPoolId: optional.userPoolId, Username: email });
  assert.deepEqual([user.UserMFASettingList, user.PreferredMfaSetting], [['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP'], 'EMAIL_OTP']);
});

test('MFA OPTIONAL with several factors and none preferred: SELECT_MFA_TYPE (CONTINUE_SIGN_IN_WITH_MFA_SELECTION), then the chosen factor\'s code', async () => {
  const phone = `+1556${String(process.pid % 1e7).padStart(7, '0')}`;
  const email = await confirmedUser(optional, phone);
  await ok(optional, 'AdminSetUserMFAPreference', {
    UserPoolId: optional.userPoolId,
    Username: email,
    SMSMfaSettings: { Enabled: true },
    EmailMfaSettings: { Enabled: true },
  });
  const auth = await amplifyAuth(optional);
  const chosen = await auth.signIn({ username: email, password: PASSWORD });
  assert.deepEqual(chosen, { isSignedIn: false, nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', allowedMFATypes: ['SMS', 'EMAIL'] } });
  const mail = smtp.next(email);
  assert.equal((await auth.confirmSignIn({ challengeResponse: 'EMAIL' })).nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
  assert.deepEqual(await auth.confirmSignIn({ challengeResponse: codeIn(await mail) }), signedIn);
  // A factor the user cannot have is refused: TOTP was never verified.
  await assertCognitoError(
    call(optional, 'AdminSetUserMFAPreference', { UserPoolId: optional.userPoolId, Username: email, SoftwareTokenMfaSettings: { Enabled: true } }),
    'InvalidParameterException',
    'User has not verified software token mfa',
  );
});

test('passwordless: signIn with USER_AUTH and preferredChallenge EMAIL_OTP sends an email code, a wrong code is refused, the right one signs in; without a preference the user chooses (SELECT_CHALLENGE)', async () => {
  const email = await confirmedUser(passwordless);
  const auth = await amplifyAuth(passwordless, { passwordless: { emailOtpEnabled: true } });
  const mail = smtp.next(email);
  const start = await auth.signIn({ username: email, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' } });
  assert.equal(start.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
  assert.equal(start.nextStep.codeDeliveryDetails.destination, 'm***@e***');
  const code = codeIn(await mail);
  assert.deepEqual(await refused(auth.confirmSignIn({ challengeResponse: code === '00000000' ? '00000001' : '00000000' })), { name: 'CodeMismatchException', message: 'Invalid code received for user' });
  assert.deepEqual(await auth.confirmSignIn({ challengeResponse: code }), signedIn);
  await auth.signOut();

  const choice = await auth.signIn({ username: email, options: { authFlowType: 'USER_AUTH' } });
  assert.deepEqual(choice.nextStep, { signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', availableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'] });
  const next = smtp.next(email);
  assert.equal((await auth.confirmSignIn({ challengeResponse: 'EMAIL_OTP' })).nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
  assert.deepEqual(await auth.confirmSignIn({ challengeResponse: codeIn(await next) }), signedIn);
  await auth.signOut();

  // The password is still a first factor, by SRP.
  assert.equal((await auth.signIn({ username: email, options: { authFlowType: 'USER_AUTH' } })).nextStep.signInStep, 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION');
  assert.equal((await auth.confirmSignIn({ challengeResponse: 'PASSWORD_SRP' })).nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_PASSWORD');
  assert.deepEqual(await auth.confirmSignIn({ challengeResponse: PASSWORD }), signedIn);
});

test('USER_AUTH needs ALLOW_USER_AUTH on the client; EMAIL_OTP needs the pool to allow it; a made-up session is an expired one', async () => {
  const email = await confirmedUser(required);
  await assertCognitoError(
    call(required, 'InitiateAuth', { ClientId: required.clients.app, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' } }),
    'InvalidParameterException',
    'USER_AUTH flow not enabled for this client',
  );
  const { UserPoolClient } = await ok(required, 'CreateUserPoolClient', { UserPoolId: required.userPoolId, ClientName: 'choice', ExplicitAuthFlows: ['ALLOW_USER_AUTH'] });
  await assertCognitoError(
    call(required, 'InitiateAuth', { ClientId: UserPoolClient.ClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' } }),
    'InvalidParameterException',
    'EMAIL_OTP is not an allowed first auth factor for this user pool.',
  );
  await assertCognitoError(
    call(required, 'RespondToAuthChallenge', { ClientId: required.clients.app, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'made-up', ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: '123456' } }),
    'NotAuthorizedException',
    'Invalid session for the user, session is expired.',
  );
});

test('a pool without TOTP refuses AssociateSoftwareToken in Cognito\'s words', async () => {
  const email = await confirmedUser(passwordless);
  const auth = await amplifyAuth(passwordless);
  await auth.signIn({ username: email, password: PASSWORD });
  assert.deepEqual(await refused(auth.setUpTOTP()), { name: 'SoftwareTokenMFANotFoundException', message: 'Software Token MFA has not been enabled by the userPool.' });
});

test('a returning user is seeded with TOTP through the admin API: own client with ADMIN_USER_PASSWORD_AUTH, MFA_SETUP, AssociateSoftwareToken, VerifySoftwareToken, AdminRespondToAuthChallenge; Amplify then asks for the TOTP code', async () => {
  const email = await confirmedUser(required);
  const { UserPoolClient } = await ok(required, 'CreateUserPoolClient', {
    UserPoolId: required.userPoolId,
    ClientName: 'seeding',
    ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  const setup = await ok(required, 'AdminInitiateAuth', {
    UserPoolId: required.userPoolId,
    ClientId: UserPoolClient.ClientId,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD },
  });
  assert.equal(setup.ChallengeName, 'MFA_SETUP');
  assert.equal(setup.ChallengeParameters.MFAS_CAN_SETUP, '["SOFTWARE_TOKEN_MFA"]');
  const { SecretCode, Session } = await ok(required, 'AssociateSoftwareToken', { Session: setup.Session });
  const verified = await ok(required, 'VerifySoftwareToken', { Session, UserCode: totp(SecretCode) });
  assert.equal(verified.Status, 'SUCCESS');
  const done = await ok(required, 'AdminRespondToAuthChallenge', {
    UserPoolId: required.userPoolId,
    ClientId: UserPoolClient.ClientId,
    ChallengeName: 'MFA_SETUP',
    Session: verified.Session,
    ChallengeResponses: { USERNAME: email },
  });
  assert.ok(done.AuthenticationResult.AccessToken);

  const auth = await amplifyAuth(required);
  assert.equal((await auth.signIn({ username: email, password: PASSWORD })).nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  assert.deepEqual(await auth.confirmSignIn({ challengeResponse: totp(SecretCode) }), signedIn);
});

test('a pool shape Cognito would refuse ends the launcher with one line naming the argument', async () => {
  await assert.rejects(startLauncher(smtp.port, ['--mfa', 'REQUIRED', '--mfa-methods', 'none']), /--mfa-methods is empty but MFA is REQUIRED \(--mfa\); name at least one of TOTP, SMS, EMAIL/);
  await assert.rejects(startLauncher(smtp.port, ['--mfa-methods', 'TOTP,VOICE']), /--mfa-methods must be a comma-separated list of TOTP, SMS, EMAIL or 'none', got 'TOTP,VOICE'/);
});
