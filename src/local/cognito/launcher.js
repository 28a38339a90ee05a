'use strict';

// Runs cognito-local for the embedded local stack: its user pools and tokens, codes sent by SMTP,
// and answers worded as Cognito's. See README.md beside this file for the contract with the harness.

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('./args');
const { gen2Client, readAmplifyOutputs, revealingClient, signInShape, userPoolRequest } = require('./pool');

const die = (message) => {
  console.error(`cognito launcher: ${message}`);
  process.exit(1);
};

// Arguments and the outputs file are checked before cognito-local and the X.509 library load, so a
// mistake is told at once.
let options;
try {
  options = parseArgs(process.argv.slice(2));
  options.auth = options.amplifyOutputs ? readAmplifyOutputs(options.amplifyOutputs) : undefined;
  options.shape = signInShape(options.auth, options);
} catch (err) {
  die(err.message);
}

const { CognitoServiceFactoryImpl } = require('cognito-local/lib/services/cognitoService');
const { StormDBDataStoreFactory } = require('cognito-local/lib/services/dataStore/stormDb');
const { DateClock } = require('cognito-local/lib/services/clock');
const { otp } = require('cognito-local/lib/services/otp');
const { Targets } = require('cognito-local/lib/targets/targets');
const { CodeLedger } = require('./codes');
const { smtpMessages } = require('./delivery');
const { EmailQuota } = require('./emailQuota');
const { cognitoApi } = require('./faithful');
const { identityApi } = require('./identity');
const { sessions } = require('./sessions');
const { CaseAwareUserPools } = require('./usernames');
const { createCognitoHttpServer, createCognitoHttpsServer } = require('./server');
const { cognitoHosts, makeTlsIdentity } = require('./tls');

const HOST = '127.0.0.1';
// Without an outputs file: cognito-local's own region name, which its pool ids start with (local_…).
const LOCAL_REGION = 'local';

const log = (line) => console.log(`[cognito-local] ${line}`);

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
const createServices = async ({ dataDir, smtpHost, smtpPort, signUpCodeTtlSeconds, resetCodeTtlSeconds, emailDailyLimit }, ctx, issuerDomain) => {
  const clock = new DateClock();
  const dataStores = new StormDBDataStoreFactory(dataDir);
  const cognito = await new CognitoServiceFactoryImpl(
    dataDir,
    dataStores,
    new CaseAwareUserPools(clock, dataStores),
  ).create(ctx, { UsernameAttributes: ['email'] });
  const ledger = new CodeLedger(clock, { signUpCodeTtlSeconds, resetCodeTtlSeconds });
  const emailQuota = new EmailQuota(clock, emailDailyLimit);
  // No Lambda triggers locally: an Amplify Gen 2 default pool has none.
  const triggers = { enabled: () => false };
  const services = {
    clock,
    cognito,
    config: { UserPoolDefaults: { UsernameAttributes: ['email'] } },
    messages: smtpMessages({ cognito, ledger, emailQuota, smtpHost, smtpPort, log }),
    otp,
    // Every sign-in cognito-local completes starts one of these sessions (Cognito's tokens, refresh, revocation).
    tokenGenerator: sessions(clock, { issuerDomain }),
    triggers,
  };
  return { services, ledger };
};

// cognito-local's CreateUserPool and CreateUserPoolClient targets make ids of their own; the
// services they call take the whole record, id included. These services hand them on with the ids
// the app's outputs name, so the targets' answers (and everything stored) carry those ids.
const adoptingPoolId = (services, { region, userPoolId }) => ({
  ...services,
  cognito: Object.assign(Object.create(services.cognito), {
    createUserPool: (ctx, pool) =>
      services.cognito.createUserPool(ctx, { ...pool, Id: userPoolId, Arn: `arn:aws:cognito-idp:${region}:local:userpool/${userPoolId}` }),
  }),
});
const adoptingClientId = (services, clientId) => ({
  ...services,
  cognito: Object.assign(Object.create(services.cognito), {
    getUserPool: async (ctx, userPoolId) => {
      const pool = await services.cognito.getUserPool(ctx, userPoolId);
      return Object.assign(Object.create(pool), {
        saveAppClient: (ctx2, appClient) => pool.saveAppClient(ctx2, Object.assign(appClient, { ClientId: clientId })),
      });
    },
  }),
});

// The pool an Amplify Gen 2 backend makes (shaped by the app's amplify_outputs.json when given), with
// Gen 2's default app client and, for the variant, one that reveals whether an account exists.
// With outputs, the pool and the client named by `appClient` (the one the app signs in with) have
// the outputs' ids; the other client's id is generated.
// `options` are the launcher's: the outputs' auth section, the app client, the token lifetimes.
const createAmplifyPool = async (services, ctx, options) => {
  const { auth, appClient } = options;
  const ids = auth?.ids;
  if (ids && (await services.cognito.listUserPools(ctx)).some((pool) => pool.Id === ids.userPoolId)) {
    // A data directory used before: the pool starts afresh, as the outputs shape it now.
    await services.cognito.deleteUserPool(ctx, { Id: ids.userPoolId });
  }
  const { UserPool } = await Targets.CreateUserPool(ids ? adoptingPoolId(services, ids) : services)(ctx, userPoolRequest(auth, options.shape));
  const client = async (settings, clientId) => {
    const { UserPoolClient } = await Targets.CreateUserPoolClient(clientId ? adoptingClientId(services, clientId) : services)(ctx, {
      UserPoolId: UserPool.Id,
      ...settings,
    });
    return UserPoolClient.ClientId;
  };
  return {
    userPoolId: UserPool.Id,
    clients: {
      app: await client(gen2Client(options, options.shape), appClient === 'app' ? ids?.clientId : undefined),
      revealsUserExistence: await client(revealingClient(options, options.shape), appClient === 'revealsUserExistence' ? ids?.clientId : undefined),
    },
  };
};

const listen = (server, port) =>
  new Promise((resolve, reject) => {
    server.once('error', (err) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${port} on ${HOST} is already in use`) : err),
    );
    server.listen(port, HOST, resolve);
  });

// Written whole or not at all: the harness reads the ready file as soon as it appears.
const writeFileAtomically = (file, content) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
};

const main = async () => {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const ctx = { logger };
  const ids = options.auth?.ids;
  const region = ids?.region ?? LOCAL_REGION;
  const hosts = cognitoHosts(region);
  // Tokens name the pool as Cognito's do; Amplify's fetchAuthSession sends the issuer, less its
  // scheme, as the Logins key of Cognito Identity (auth src/providers/cognito/credentialsProvider/utils.ts).
  const issuerDomain = `https://${hosts.userPools}`;
  const { services, ledger } = await createServices(options, ctx, issuerDomain);
  const pool = await createAmplifyPool(services, ctx, options);
  const issuer = `${issuerDomain}/${pool.userPoolId}`;
  const api = cognitoApi(services, ledger, { [pool.userPoolId]: options.shape });
  const identity = identityApi(
    {
      region,
      identityPoolId: ids?.identityPoolId,
      unauthenticatedIdentities: ids?.unauthenticatedIdentities === true,
      userPoolId: pool.userPoolId,
      issuer,
      signedClaims: services.tokenGenerator.signedClaims,
      clientIds: async () => (await services.cognito.listAppClients(ctx, pool.userPoolId)).map((client) => client.ClientId),
    },
    services.clock,
  );
  const pools = { userPools: pool.userPoolId, identityPools: ids?.identityPoolId };
  const jwks = services.tokenGenerator.jwks;
  const server = createCognitoHttpServer({ api, identity, jwks, ctx, log, pools });
  await listen(server, options.port);
  const endpoint = `http://${HOST}:${server.address().port}/`;

  const tls = await makeTlsIdentity([hosts.userPools, hosts.identityPools]);
  const front = createCognitoHttpsServer({
    ...tls,
    hosts: { [hosts.userPools]: 'userPools', [hosts.identityPools]: 'identityPools' },
    api,
    identity,
    jwks,
    ctx,
    log,
    pools,
  });
  await listen(front, 0);
  const certificateFile = options.readyFile.replace(/(\.json)?$/, '.tls.pem');
  writeFileAtomically(certificateFile, tls.certificatePem);

  const stop = (signal) => {
    log(`${signal}: stopping`);
    let open = 2;
    const closed = () => --open === 0 && process.exit(0);
    for (const s of [server, front]) {
      s.close(closed);
      s.closeAllConnections();
    }
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  writeFileAtomically(
    options.readyFile,
    `${JSON.stringify({
      endpoint,
      region,
      ...pool,
      ...(ids?.identityPoolId && { identityPoolId: ids.identityPoolId }),
      issuer,
      mfa: { configuration: options.shape.mfa, methods: options.shape.methods },
      passwordless: { emailOtp: options.shape.emailOtp },
      tls: {
        port: front.address().port,
        spkiSha256: tls.spkiSha256,
        hosts: [hosts.userPools, hosts.identityPools],
        certificate: certificateFile,
      },
    })}\n`,
  );
  log(`serving ${pool.userPoolId} in ${region} at ${endpoint} and https://${hosts.userPools}/, https://${hosts.identityPools}/ on TLS port ${front.address().port}`);
  log(`pools on Cognito's default email account send at most ${options.emailDailyLimit} emails a day`);
  log('ready');
};

main().catch((err) => die(err.message));
