'use strict';

// The server half of Cognito's SRP-6a (the USER_SRP_AUTH flow), the counterpart of what Amplify JS
// (packages/auth/src/providers/cognito/utils/srp) and amazon-cognito-identity-js compute:
// RFC 5054's 3072-bit group with g = 2, SHA-256, k = H(N | g), x = H(salt | H(poolName userId ":" password)),
// u = H(A | B), the key HKDF(S, salt u, info "Caldera Derived Key") cut to 16 bytes, and the claim
// HMAC(key, poolName | userIdForSrp | secretBlock | timestamp). Numbers are hashed as Cognito's
// clients pad them: even-length hex, with a 00 byte in front when the top bit is set.

const { createHash, createHmac, getDiffieHellman, hkdfSync, randomBytes, timingSafeEqual } = require('node:crypto');

// RFC 3526's 3072-bit MODP group is the one RFC 5054 lists for SRP and Cognito uses.
const N = BigInt(`0x${getDiffieHellman('modp15').getPrime('hex')}`);
const g = 2n;

const paddedHex = (n) => {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
};
const sha256 = (data) => createHash('sha256').update(data).digest();
const hashOfHex = (hex) => sha256(Buffer.from(hex, 'hex')).toString('hex');
const toBigInt = (hex) => BigInt(`0x${hex}`);

const modPow = (base, exponent, modulus) => {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
};

const k = toBigInt(hashOfHex(paddedHex(N) + paddedHex(g)));

/** The verifier v = g^x of a password, as the client derives x from it. */
const verifier = ({ poolName, userIdForSrp, password, saltHex }) => {
  const identity = sha256(`${poolName}${userIdForSrp}:${password}`).toString('hex');
  const x = toBigInt(hashOfHex(paddedHex(toBigInt(saltHex)) + identity));
  return modPow(g, x, N);
};

/**
 * The server's answer to SRP_A: the user's salt, a fresh secret b, and B = k·v + g^b. Without a
 * password (an unknown user whose existence the client hides) B is g^b alone: it looks the same to
 * the client, and no signature can match it.
 */
const startChallenge = ({ poolName, userIdForSrp, password, saltHex, srpA }) => {
  const A = /^[0-9a-fA-F]+$/.test(srpA ?? '') ? toBigInt(srpA) : 0n;
  if (A % N === 0n) return null;
  const b = toBigInt(randomBytes(128).toString('hex'));
  const v = password === undefined ? 0n : verifier({ poolName, userIdForSrp, password, saltHex });
  const B = (k * v + modPow(g, b, N)) % N;
  return { A, B, b, v, saltHex, srpB: B.toString(16) };
};

/** The 16-byte key both sides derive from the shared secret S. */
const passwordAuthenticationKey = ({ A, B, b, v }) => {
  const u = toBigInt(hashOfHex(paddedHex(A) + paddedHex(B)));
  const S = modPow(A * modPow(v, u, N), b, N);
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(paddedHex(S), 'hex'), Buffer.from(paddedHex(u), 'hex'), 'Caldera Derived Key', 16),
  );
};

/** Whether PASSWORD_CLAIM_SIGNATURE is the one a client knowing the password would send. */
const signatureMatches = (challenge, { poolName, userIdForSrp, secretBlock, timestamp, signature }) => {
  if (challenge.v === 0n || typeof signature !== 'string') return false;
  const expected = createHmac('sha256', passwordAuthenticationKey(challenge))
    .update(Buffer.concat([Buffer.from(poolName), Buffer.from(userIdForSrp), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp)]))
    .digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
};

module.exports = { N, g, k, modPow, paddedHex, startChallenge, signatureMatches, verifier, passwordAuthenticationKey };
