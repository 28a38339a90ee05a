'use strict';

const { cognitoError } = require('./errors');

// Cognito's default email account (EmailSendingAccount COGNITO_DEFAULT) sends at most 50 emails a
// day per AWS account and region; a pool that sends through its own SES (DEVELOPER) is not bound by it.
const COGNITO_DEFAULT_DAILY_LIMIT = 50;

// Cognito's words when the quota is spent, as SignUp, ResendConfirmationCode and ForgotPassword answer.
const dailyLimitExceeded = () =>
  cognitoError(
    'LimitExceededException',
    'Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.',
  );

const sendsWithCognito = (pool) => pool.EmailConfiguration?.EmailSendingAccount !== 'DEVELOPER';

/**
 * The emails Cognito's default account has sent today (UTC), over every pool of the stand-in (its
 * one account and region). `refuseWhenSpent` before a send, `sent` after it: a message that could
 * not be sent is not counted.
 */
class EmailQuota {
  constructor(clock, limit = COGNITO_DEFAULT_DAILY_LIMIT) {
    this.clock = clock;
    this.limit = limit;
    this.day = undefined;
    this.count = 0;
  }

  refuseWhenSpent(pool) {
    if (sendsWithCognito(pool) && this.today() >= this.limit) throw dailyLimitExceeded();
  }

  sent(pool) {
    if (sendsWithCognito(pool)) this.count = this.today() + 1;
  }

  today() {
    const day = this.clock.get().toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.count = 0;
    }
    return this.count;
  }
}

module.exports = { EmailQuota, COGNITO_DEFAULT_DAILY_LIMIT };
