'use strict';

const http = require('node:http');
const https = require('node:https');
const { randomUUID } = require('node:crypto');
const { CognitoError } = require('./errors');

// Like Cognito, answer dates as epoch seconds. A replacer sees Dates already turned to strings,
// so it looks at the holder's own value.
function epochSeconds(key, value) {
  return this[key] instanceof Date ? this[key].getTime() / 1000 : value;
}

const answer = (res, status, body, headers = {}) => {
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-RequestId': randomUUID(),
    ...headers,
  });
  res.end(JSON.stringify(body, epochSeconds));
};

// The JSON protocol's error answer: both the AWS SDK and Amplify read the name from
// x-amzn-ErrorType (else __type) and the text from "message".
const answerError = (res, status, name, message) =>
  answer(res, status, { __type: name, message }, { 'x-amzn-ErrorType': `${name}:` });

const readJson = async (req) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() ? JSON.parse(text) : {};
};

// The JSON protocols' target prefixes (x-amz-target: <prefix>.<Operation>), per service.
const SERVICES = {
  AWSCognitoIdentityProviderService: 'userPools',
  AWSCognitoIdentityService: 'identityPools',
};

// What a page on another origin may read of an answer: Amplify takes the error's name from
// x-amzn-ErrorType and the request id from x-amzn-RequestId (@aws-amplify/core src/clients/serde/json.ts,
// responseInfo.ts), and the clock skew from Date (retry middleware).
const EXPOSED = 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date';

// For the log: a Host header as given, reduced to the characters a host name and port have.
const printable = (host) => String(host ?? '').replace(/[^\w.:[\]-]/g, '?').slice(0, 100) || '(none)';

/**
 * A request handler speaking Cognito's JSON protocols (POST / with x-amz-target) in front of the
 * user pool API (`api`) and the identity pool API (`identity`), and serving the pool's JWKS
 * (`jwks()`). The app under test calls it from a browser page on another origin, hence CORS. `listener(req)` names where the request came in:
 * { host } for the log and, on the TLS front, { hosts } — the only hosts it answers, each bound to
 * its service — else the request is refused.
 */
const createCognitoHandler = ({ api, identity, jwks, ctx, log, pools, listener }) => async (req, res) => {
  const { host, hosts } = listener(req);
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED);
  if (hosts && !hosts[host]) {
    answerError(res, 421, 'MisdirectedRequestException', `The local stack's TLS front serves ${Object.keys(hosts).join(' and ')} only`);
    log(`${printable(host)} refused: the TLS front serves ${Object.keys(hosts).join(' and ')} only`);
    return;
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
      'Access-Control-Max-Age': '86400',
      // Chromium's Private Network Access preflight, should a page outside loopback call the stand-in.
      ...(req.headers['access-control-request-private-network'] === 'true' && { 'Access-Control-Allow-Private-Network': 'true' }),
    });
    res.end();
    return;
  }
  // The pool's signing keys, where Cognito publishes them (what an API or a JWT library verifies with).
  if (req.method === 'GET' && req.url === `/${pools.userPools}/.well-known/jwks.json` && (!hosts || hosts[host] === 'userPools')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(jwks()));
    log(`${host} ${pools.userPools} jwks.json 200`);
    return;
  }
  if (req.method !== 'POST' || req.url !== '/') {
    answerError(res, 404, 'UnknownOperationException', `No Cognito API at ${req.method} ${req.url}`);
    log(`${host} - ${req.method} 404`);
    return;
  }
  const [prefix, operation] = String(req.headers['x-amz-target'] ?? '').split('.');
  const service = Object.hasOwn(SERVICES, prefix) ? SERVICES[prefix] : undefined;
  if (!service || !operation || (hosts && hosts[host] !== service)) {
    answerError(res, 400, 'UnknownOperationException', hosts && service ? `${prefix} is not served at ${host}` : 'Missing or malformed x-amz-target header');
    log(`${host} - ${/^\w+$/.test(operation ?? '') ? operation : '(no operation)'} 400 UnknownOperationException`);
    return;
  }
  const pool = pools[service] ?? '-';
  let request;
  try {
    request = await readJson(req);
  } catch (err) {
    answerError(res, 400, 'SerializationException', `Request body is not JSON: ${err.message}`);
    log(`${host} ${pool} ${operation} 400 SerializationException`);
    return;
  }
  // The flow or challenge named, so the log shows how the app signed in (never a parameter's value).
  const flow = request.AuthFlow ?? request.ChallengeName;
  const call = `${host} ${pool} ${/^[A-Z_]+$/.test(flow ?? '') ? `${operation} ${flow}` : operation}`;
  try {
    answer(res, 200, await (service === 'identityPools' ? identity : api)(ctx, operation, request));
    log(`${call} 200`);
  } catch (err) {
    if (err instanceof CognitoError) {
      answerError(res, 400, err.code, err.message);
      log(`${call} 400 ${err.code}`);
    } else {
      answerError(res, 500, 'InternalErrorException', err.message);
      log(`${call} 500 ${err.stack}`);
    }
  }
};

/** The plain HTTP listener (the harness's AWS SDK admin client, tests): any host, logged as 127.0.0.1:<port>. */
const createCognitoHttpServer = (options) => {
  const server = http.createServer();
  const host = () => `127.0.0.1:${server.address().port}`;
  server.on('request', createCognitoHandler({ ...options, listener: () => ({ host: host() }) }));
  return server;
};

/**
 * The TLS front: what an unmodified app reaches as https://cognito-idp.<region>.amazonaws.com/ and
 * https://cognito-identity.<region>.amazonaws.com/ once the browser maps those names to it.
 * `hosts` maps each host name to its service ('userPools', 'identityPools').
 */
const createCognitoHttpsServer = ({ key, certificatePem, hosts, ...options }) => {
  const server = https.createServer({ key, cert: certificatePem });
  const listener = (req) => ({ host: String(req.headers.host ?? '').replace(/:443$/, '').toLowerCase(), hosts });
  server.on('request', createCognitoHandler({ ...options, listener }));
  return server;
};

module.exports = { createCognitoHttpServer, createCognitoHttpsServer };
