// Runs the receiver: ONWARD_ORIGIN, ONWARD_API_TOKEN, ONWARD_WEBHOOK_SECRET, CASE_FOLDER (default ./filed),
// PORT (default 4000). Put it behind HTTPS and register https://<host>/onward/webhook with the council's admin.
import { createServer } from 'node:http';
import { createReceiver } from './receiver.js';

const need = (name: string): string => {
  const v = process.env[name];
  if (!v) {
    console.error(`Set ${name}.`);
    process.exit(1);
  }
  return v;
};

const handler = createReceiver({
  onwardOrigin: new URL(need('ONWARD_ORIGIN')).origin,
  apiToken: need('ONWARD_API_TOKEN'),
  secret: need('ONWARD_WEBHOOK_SECRET'),
  folder: process.env.CASE_FOLDER ?? './filed',
});
const port = Number(process.env.PORT ?? 4000);
createServer(handler).listen(port, '127.0.0.1', () =>
  console.log(`Case-management receiver on http://127.0.0.1:${port}/onward/webhook`),
);
