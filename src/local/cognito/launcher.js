'use strict';

// Runs cognito-local for the embedded local stack: its user pools and tokens, codes sent by SMTP,
// and answers worded as Cognito's. See README.md beside this file for the contract with the harness.

const fs = require('node:fs');
const path = require('node:path');
const { CognitoServiceFactoryImpl } = require('cognito-local/lib/services/cognitoService');
const { StormDBDataStoreFactory } = require('cognito-local/lib/services/dataStore/stormDb');
const { DateClock } = require('cognito-local/lib/services/clock');
const { JwtTokenGenerator } = require('cognito-local/lib/services/tokenGenerator');
const { otp } = require('cognito-local/lib/services/otp');
const { parseArgs } = require('./args');
const { CodeLedger } = require('./codes');
const { smtpMessages } = require('./delivery');
const { cognitoApi } = require('./faithful');
const { GEN2_CLIENT, REVEALING_CLIENT, readAmplifyOutputs, userPoolRequest } = require('./pool');
const { CaseAwareUserPools } = require('./usernames');
const { createCognitoHttpServer } = require('./server');

const HOST = '127.0.0.1';
// Amplify takes the region from the pool id's prefix, and cognito-local names pools local_…
const REGION = 'local';

const log = (line) => console.log(`[cognito-local] ${line}`);
const die = (message) => {
  console.error(`cognito launcher: ${message}`);
  process.exit(1);
};

// cognito-local's services log through a pino-like logger. Their debug lines carry whole user
// records (passwords, codes), so debug is dropped; the rest are one-line notices.
const logger = {
  debug() {},
  info: (...args) => log(args.map((a) => (a instanceof Error ? a.message : a)).filter((a) => typeof a === 'string').join(' ')),
  child() {
    return logger;
  },
};
logger.warn = logger.info;
logger.error = logger.info;

// cognito-local's createDefaultServer hard-wires a console sender and a ./.cognito directory and keeps
// its services to itself; the launcher wires the same services so it can replace the sender and targets.
const createServices = async ({ dataDir, smtpHost, smtpPort, signUpCodeTtlSeconds, resetCodeTtlSeconds }, ctx, tokenConfig) => {
  const clock = new DateClock();
  const dataStores = new StormDBDataStoreFactory(dataDir);
  const cognito = await new CognitoServiceFactoryImpl(
    dataDir,
    dataStores,
    new CaseAwareUserPools(clock, dataStores),
  ).create(ctx, { UsernameAttributes: ['email'] });
  const ledger = new CodeLedger(clock, { signUpCodeTtlSeconds, resetCodeTtlSeconds });
  // No Lambda triggers locally: an Amplify Gen 2 default pool has none.
  const triggers = { enabled: () => false };
  const services = {
    clock,
    cognito,
    config: { UserPoolDefaults: { UsernameAttributes: ['email'] } },
    messages: smtpMessages({ cognito, ledger, smtpHost, smtpPort, log }),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, tokenConfig),
    triggers,
  };
  return { services, ledger };
};

// The pool an Amplify Gen 2 backend makes (shaped by the app's amplify_outputs.json when given), with
// Gen 2's default app client and, for the variant, one that reveals whether an account exists.
const createAmplifyPool = async (api, ctx, auth) => {
  const { UserPool } = await api(ctx, 'CreateUserPool', userPoolRequest(auth));
  const client = async (settings) => {
    const { UserPoolClient } = await api(ctx, 'CreateUserPoolClient', { UserPoolId: UserPool.Id, ...settings });
    return UserPoolClient.ClientId;
  };
  return {
    userPoolId: UserPool.Id,
    clients: { app: await client(GEN2_CLIENT), revealsUserExistence: await client(REVEALING_CLIENT) },
  };
};

const listen = (server, port) =>
  new Promise((resolve, reject) => {
    server.once('error', (err) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${port} on ${HOST} is already in use`) : err),
    );
    server.listen(port, HOST, resolve);
  });

// Written whole or not at all: the harness reads the file as soon as it appears.
const writeReadyFile = (file, content) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(content)}\n`);
  fs.renameSync(temporary, file);
};

const main = async () => {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    options.auth = options.amplifyOutputs ? readAmplifyOutputs(options.amplifyOutputs) : undefined;
  } catch (err) {
    die(err.message);
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const ctx = { logger };
  // The issuer names the port the server is bound to, known only once it listens (--port 0). The
  // token generator reads it per token, and no call is answered before it is set.
  const tokenConfig = {};
  const { services, ledger } = await createServices(options, ctx, tokenConfig);
  const api = cognitoApi(services, ledger);
  const server = createCognitoHttpServer({ api, ctx, log });
  await listen(server, options.port);
  const endpoint = `http://${HOST}:${server.address().port}`;
  tokenConfig.IssuerDomain = endpoint;

  const stop = (signal) => {
    log(`${signal}: stopping`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  const pool = await createAmplifyPool(api, ctx, options.auth);
  writeReadyFile(options.readyFile, { endpoint: `${endpoint}/`, region: REGION, ...pool });
  log('ready');
};

main().catch((err) => die(err.message));
