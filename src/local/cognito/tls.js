'use strict';

// The TLS front's identity for one run: a fresh key pair and a self-signed certificate naming the
// two hosts an unmodified Amplify app calls. Browsers trust it by its key (Chromium's
// --ignore-certificate-errors-spki-list takes the base64 SHA-256 of the DER SubjectPublicKeyInfo).

require('reflect-metadata'); // @peculiar/x509's dependency injection (tsyringe) needs it loaded first
const x509 = require('@peculiar/x509');
const { KeyObject, createHash, randomBytes, webcrypto } = require('node:crypto');

x509.cryptoProvider.set(webcrypto);

// ECDSA P-256: generated natively by Node in milliseconds, accepted by Chromium and Node's TLS.
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const HOUR_MS = 60 * 60 * 1000;
// Valid from an hour ago (clock skew) for 30 days: longer than any run.
const VALIDITY_MS = 30 * 24 * HOUR_MS;

// Amplify JS's getDnsSuffix (@aws-amplify/core src/clients/endpoints/getDnsSuffix.ts, partitions.ts):
// China's regions are under amazonaws.com.cn, every other region name (even "local") under amazonaws.com.
const dnsSuffix = (region) => (/^cn-\w+-\d+$/.test(region) ? 'amazonaws.com.cn' : 'amazonaws.com');

/** The two hosts Amplify JS calls for a region: Cognito user pools, then Cognito identity pools. */
const cognitoHosts = (region) => ({
  userPools: `cognito-idp.${region}.${dnsSuffix(region)}`,
  identityPools: `cognito-identity.${region}.${dnsSuffix(region)}`,
});

/** SHA-256 of the DER SubjectPublicKeyInfo, base64: what Chromium's SPKI list and HPKP pins are. */
const spkiSha256 = (spkiDer) => createHash('sha256').update(spkiDer).digest('base64');

/** A key pair and a certificate for `hosts` (subjectAltName dNSName each), made now for this run. */
const makeTlsIdentity = async (hosts) => {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const now = Date.now();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(16).toString('hex').replace(/^[89a-f]/, '7'), // positive, as RFC 5280 asks
    name: `CN=${hosts[0]}, O=authflow-e2e local stack`,
    notBefore: new Date(now - HOUR_MS),
    notAfter: new Date(now + VALIDITY_MS),
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(hosts.map((value) => ({ type: 'dns', value }))),
    ],
  });
  return {
    // Kept in memory only; Node 20's TLS takes it as PEM.
    key: KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }),
    certificatePem: certificate.toString('pem'),
    spkiSha256: spkiSha256(Buffer.from(await webcrypto.subtle.exportKey('spki', keys.publicKey))),
  };
};

module.exports = { cognitoHosts, dnsSuffix, makeTlsIdentity, spkiSha256 };
