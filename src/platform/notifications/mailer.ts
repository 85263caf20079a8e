import nodemailer from 'nodemailer';

export type MailMessage = { to: string; subject: string; text: string };

/** Sends e-mail through SMTP (nodemailer); without SMTP settings, mail is only logged. */
export type Mailer = {
  send(message: MailMessage): Promise<void>;
  enabled: boolean;
};

/** Builds a mailer from `MAMORI_SMTP_URL` (e.g. smtp://user:pass@host:587). */
export function createMailer(smtpUrl: string | null, from: string, log: (line: string) => void = () => undefined): Mailer {
  if (!smtpUrl) {
    return {
      enabled: false,
      send: async (m) => log(`(メール未設定のため送信しません) to=${m.to} subject=${m.subject}`),
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    enabled: true,
    send: async (m) => {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}
