'use strict';

const { UserPoolServiceFactoryImpl } = require('cognito-local/lib/services/userPoolService');

const sameIgnoringCase = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
const SIGN_IN_ATTRIBUTES = { email: 'email', phone_number: 'phone_number' };

/**
 * cognito-local matches usernames (and email or phone sign-in) exactly. A pool with
 * UsernameConfiguration.CaseSensitive false, Amplify Gen 2's default, finds a user whatever the case
 * typed, in every call that names one: sign-up's duplicate check, sign-in, recovery, admin calls.
 */
class CaseAwareUserPools extends UserPoolServiceFactoryImpl {
  async create(...args) {
    const pool = await super.create(...args);
    const exactly = pool.getUserByUsername.bind(pool);
    pool.getUserByUsername = async (ctx, username) => {
      const user = await exactly(ctx, username);
      if (user || pool.options.UsernameConfiguration?.CaseSensitive !== false) return user;
      const names = (pool.options.UsernameAttributes ?? []).map((name) => SIGN_IN_ATTRIBUTES[name]).filter(Boolean);
      const users = await pool.listUsers(ctx);
      return (
        users.find(
          (candidate) =>
            sameIgnoringCase(candidate.Username, username) ||
            (candidate.Attributes ?? []).some((a) => names.includes(a.Name) && sameIgnoringCase(a.Value, username)),
        ) ?? null
      );
    };
    return pool;
  }
}

module.exports = { CaseAwareUserPools };
