'use strict';

const nodemailer = require('nodemailer');
const { attributeValue } = require('cognito-local/lib/services/userPoolService');

// What Cognito's default sender (EmailSendingAccount COGNITO_DEFAULT) writes from.
const FROM = 'no-reply@verificationemail.com';
const VERIFICATION_DEFAULT = 'Your verification code is {####}. ';
const INVITATION_DEFAULT = 'Your username is {username} and temporary password is {####}. ';

// Which code each cognito-local message source issues; the others (invitations, MFA) are not checked here.
const PURPOSE = { SignUp: 'signUp', ResendCode: 'signUp', ForgotPassword: 'reset' };

/**
 * The pool's own text for a message, as Cognito picks it without a custom-message Lambda:
 * sign-up, resent and forgot-password codes all use the verification template.
 */
const template = (source, pool, medium) => {
  const verification = pool.VerificationMessageTemplate ?? {};
  const invitation = pool.AdminCreateUserConfig?.InviteMessageTemplate ?? {};
  if (source === 'AdminCreateUser') {
    return medium === 'SMS'
      ? { subject: 'SMS', body: invitation.SMSMessage ?? INVITATION_DEFAULT }
      : { subject: invitation.EmailSubject ?? 'Your temporary password', body: invitation.EmailMessage ?? INVITATION_DEFAULT };
  }
  // MFA and passwordless sign-in codes: by SMS the pool's SmsAuthenticationMessage; by email its
  // EmailMfaConfiguration (the stand-in's default wording, Cognito's own was not seen here).
  if (source === 'Authentication') {
    return medium === 'SMS'
      ? { subject: 'SMS', body: pool.SmsAuthenticationMessage ?? 'Your authentication code is {####}. ' }
      : { subject: pool.EmailMfaConfiguration?.Subject ?? 'Your sign-in code', body: pool.EmailMfaConfiguration?.Message ?? 'Your sign-in code is {####}. ' };
  }
  return medium === 'SMS'
    ? { subject: 'SMS', body: verification.SmsMessage ?? pool.SmsVerificationMessage ?? VERIFICATION_DEFAULT }
    : {
        subject: verification.EmailSubject ?? pool.EmailVerificationSubject ?? 'Your verification code',
        body: verification.EmailMessage ?? pool.EmailVerificationMessage ?? VERIFICATION_DEFAULT,
      };
};

// The SMTP inbox stands in for a phone: +15550001234 is read as 15550001234@sms.local.
const recipient = ({ DeliveryMedium, Destination }) =>
  DeliveryMedium === 'SMS' ? `${Destination.replace(/\D/g, '')}@sms.local` : Destination;

/**
 * Takes the place of cognito-local's MessagesService (same `deliver` signature): every code and
 * temporary password it would print to its console is mailed to the SMTP inbox instead, and each
 * sign-up or reset code is recorded in the ledger. An email from a pool on Cognito's default account is
 * refused once the day's quota is spent (emailQuota). Logs say who got what kind of message, never its text.
 */
const smtpMessages = ({ cognito, ledger, emailQuota, smtpHost, smtpPort, log }) => {
  // GreenMail on loopback: plain SMTP, no STARTTLS, no auth.
  const transport = nodemailer.createTransport({ host: smtpHost, port: smtpPort, secure: false, ignoreTLS: true });
  return {
    async deliver(ctx, source, clientId, userPoolId, user, code, clientMetadata, deliveryDetails) {
      const pool = (await cognito.getUserPool(ctx, userPoolId)).options;
      const { subject, body } = template(source, pool, deliveryDetails.DeliveryMedium);
      const username = pool.UsernameAttributes?.includes('email') ? attributeValue('email', user.Attributes) : user.Username;
      const to = recipient(deliveryDetails);
      const email = deliveryDetails.DeliveryMedium === 'EMAIL';
      // Refused before anything is kept: cognito-local's SignUp delivers before it saves the user.
      if (email) emailQuota.refuseWhenSpent(pool);
      try {
        await transport.sendMail({
          from: FROM,
          to,
          subject,
          text: body.replaceAll('{####}', code).replaceAll('{username}', username),
        });
      } catch (err) {
        throw new Error(`could not send the ${source} message to ${to} by SMTP at ${smtpHost}:${smtpPort}: ${err.message}`);
      }
      if (email) emailQuota.sent(pool);
      if (PURPOSE[source]) ledger.issued(userPoolId, user.Username, PURPOSE[source], code, deliveryDetails.AttributeName);
      log(`sent ${source} message by ${deliveryDetails.DeliveryMedium} to ${to}`);
    },
  };
};

module.exports = { smtpMessages };
