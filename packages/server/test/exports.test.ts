// Pins the public exports of @onward/server: a change here is a change to what councils and the reference app use.
import { expect, it } from 'vitest';
import * as server from '../src/index.js';

it('exports exactly these names', () => {
  expect(Object.keys(server).sort()).toEqual(
    [
      'BODY_LIMIT',
      'ConfigError',
      'ConflictError',
      'EVENT_TYPES',
      'HttpProblem',
      'Notifier',
      'ROLES',
      'ROUTES',
      'SEED_ACTOR',
      'SETUP_ACTOR',
      'SetupError',
      'SIGNATURE_HEADER',
      'Store',
      'TIMESTAMP_HEADER',
      'TransportError',
      'Webhooks',
      'YOUNG_PEOPLE_COLUMNS',
      'configFromEnv',
      'councilIdFrom',
      'createOnwardServer',
      'hashPassword',
      'importYoungPeople',
      'needsSetup',
      'randomToken',
      'roleMay',
      'setUpFirstCouncil',
      'staffInvitationPath',
      'openApiDocument',
      'openStore',
      'serve',
      'signWebhook',
      'smtpTransport',
      'verifyPassword',
      'verifyWebhook',
    ].sort(),
  );
});
