'use strict';

const http = require('node:http');
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

/**
 * An HTTP server speaking Cognito's JSON protocol (POST / with x-amz-target) in front of `api`.
 * The app under test calls it from a browser page on another loopback port, hence CORS.
 */
const createCognitoHttpServer = ({ api, ctx, log }) =>
  http.createServer(async (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'x-amzn-RequestId, x-amzn-ErrorType');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
        'Access-Control-Max-Age': '86400',
      });
      res.end();
      return;
    }
    if (req.method !== 'POST' || req.url !== '/') {
      answerError(res, 404, 'UnknownOperationException', `No Cognito API at ${req.method} ${req.url}`);
      return;
    }
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1];
    if (!operation) {
      answerError(res, 400, 'UnknownOperationException', 'Missing or malformed x-amz-target header');
      return;
    }
    let request;
    try {
      request = await readJson(req);
    } catch (err) {
      answerError(res, 400, 'SerializationException', `Request body is not JSON: ${err.message}`);
      return;
    }
    // The flow or challenge named, so the log shows how the app signed in (never a parameter's value).
    const flow = request.AuthFlow ?? request.ChallengeName;
    const call = /^[A-Z_]+$/.test(flow ?? '') ? `${operation} ${flow}` : operation;
    try {
      answer(res, 200, await api(ctx, operation, request));
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
  });

module.exports = { createCognitoHttpServer };
