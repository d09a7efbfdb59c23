// How a message leaves Onward: the worker (notifier.ts) calls a transport, which knows one way of sending. SMTP
// (nodemailer) is the one shipped; a GOV.UK Notify adapter would be another (docs/deployment.md, "Notifications",
// has its design). A transport throws TransportError to say whether trying again could help, with a code that
// names what went wrong and never the message text or an address.
import nodemailer from 'nodemailer';

export interface OutgoingMessage {
  /** The recipient's address. */
  to: string;
  subject: string;
  /** Plain text: one line and a link (noticeMessage). */
  text: string;
  /** The outbox row's id: the same on every try, so the receiving side can tell a repeat (Message-ID, reference). */
  reference: string;
  /** 'en' or 'cy-en', for the Content-Language header or a template choice. */
  language: string;
}

export interface NotificationTransport {
  /** What the readiness check and the admin view say is sending ('smtp', 'govuk-notify'). */
  readonly name: string;
  /** Resolves once the other side has accepted the message; throws TransportError otherwise. */
  send(m: OutgoingMessage): Promise<void>;
  /** Closes pooled connections (on shutdown). */
  close?(): void;
}

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    /** True: this message will never be accepted (the address was refused); false: try again later. */
    readonly permanent: boolean,
    /** A short code, safe to store and log: "ECONNECTION", "SMTP 550", "ETIMEDOUT". */
    readonly code: string,
  ) {
    super(`${permanent ? 'refused' : 'not sent'}: ${code}`);
  }
}

export interface SmtpOptions {
  /** smtp://user:pass@host:587 or smtps://… (ONWARD_SMTP_URL). */
  url: string;
  /** The From address (ONWARD_MAIL_FROM), e.g. "Onward <no-reply@plans.example.gov.uk>". */
  from: string;
  /**
   * Longest wait for the mail server at each stage, in ms (default 20 s). Kept well below the worker's lease, so a
   * slow send never outlives its claim and no other worker sends the same message meanwhile.
   */
  timeoutMs?: number;
}

/** Sends by SMTP with nodemailer: one connection per message (a few a minute at most), TLS when the server offers it. */
export function smtpTransport(o: SmtpOptions): NotificationTransport {
  const timeout = o.timeoutMs ?? 20_000;
  const mailer = nodemailer.createTransport(
    { url: o.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout },
    { from: o.from },
  );
  return {
    name: 'smtp',
    async send(m) {
      try {
        await mailer.sendMail({
          to: m.to,
          subject: m.subject,
          text: m.text,
          messageId: `<${m.reference}@onward.invalid>`,
          headers: {
            'Content-Language': m.language === 'en' ? 'en-GB' : 'cy, en-GB',
            'Auto-Submitted': 'auto-generated',
          },
        });
      } catch (e) {
        throw smtpError(e);
      }
    },
    close: () => mailer.close(),
  };
}

/**
 * nodemailer's error as a TransportError. Final only when the mail server refused this message or its recipient
 * for good (a 5xx answer to the envelope or the message); a refused sign-in, a dropped connection or a timeout is
 * the service's problem, not the message's, so it is tried again.
 */
export function smtpError(e: unknown): TransportError {
  const err = e as { code?: unknown; responseCode?: unknown };
  const status = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  const code = (typeof err.code === 'string' ? err.code : '').replace(/[^A-Z0-9_]/gi, '').slice(0, 40) || 'EUNKNOWN';
  const aboutTheMessage = code === 'EENVELOPE' || code === 'EMESSAGE';
  const final = aboutTheMessage && status !== undefined && status >= 500 && status < 600;
  return new TransportError(final, status !== undefined ? `${code} ${status}` : code);
}
