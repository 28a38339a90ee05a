'use strict';

const { cognitoError, codeMismatch, expiredCode } = require('./errors');

const HOUR_MS = 60 * 60 * 1000;
// Cognito lets a user ask for a new sign-up code 5 times an hour.
const RESENDS_PER_HOUR = 5;

/**
 * The one-time codes in force, one per user: what cognito-local does not keep — when a code
 * expires, what it is for, and which attribute it went to (that attribute is verified on use).
 * Kept in memory: the data directory is fresh per run, so nothing outlives the process anyway.
 */
class CodeLedger {
  constructor(clock, { signUpCodeTtlSeconds, resetCodeTtlSeconds }) {
    this.clock = clock;
    this.ttlMs = { signUp: signUpCodeTtlSeconds * 1000, reset: resetCodeTtlSeconds * 1000 };
    this.codes = new Map();
    this.resends = new Map();
  }

  issued(poolId, username, purpose, code, attributeName) {
    const expiresAt = this.now() + this.ttlMs[purpose];
    this.codes.set(`${poolId}/${username}`, { purpose, code, attributeName, expiresAt });
  }

  /** Whether the user has a code for `purpose` in force or expired (one was asked for and not used). */
  requested(poolId, username, purpose) {
    return this.codes.get(`${poolId}/${username}`)?.purpose === purpose;
  }

  /** The code's entry when `code` is the user's current code for `purpose`; else Cognito's error. */
  verify(poolId, username, purpose, code) {
    const entry = this.codes.get(`${poolId}/${username}`);
    if (!entry || entry.purpose !== purpose || entry.code !== code) {
      throw codeMismatch();
    }
    if (this.now() >= entry.expiresAt) {
      throw expiredCode();
    }
    return entry;
  }

  used(poolId, username) {
    this.codes.delete(`${poolId}/${username}`);
  }

  countResend(poolId, username) {
    const key = `${poolId}/${username}`;
    const recent = (this.resends.get(key) ?? []).filter((at) => this.now() - at < HOUR_MS);
    if (recent.length >= RESENDS_PER_HOUR) {
      throw cognitoError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');
    }
    this.resends.set(key, [...recent, this.now()]);
  }

  now() {
    return this.clock.get().getTime();
  }
}

module.exports = { CodeLedger };
