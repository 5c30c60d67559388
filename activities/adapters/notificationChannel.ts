// How a notice reaches a person's phone or mailbox: SMS, e-mail or 政务微信 behind one interface.
// The console and GET /api/v1/notifications read the notification table whatever the channel;
// the channel is the push. docs/adapters.md says what a real one must guarantee.
import { sandboxGate, type SandboxBehaviour } from './sandbox';

export interface OutgoingMessage {
  /** Idempotency key: one message per notification, whatever retries happen. */
  notificationId: string;
  /** A staff member's id in the directory; a real channel looks up their number or address. */
  recipient: string;
  /** Chinese first, English second, as the person reads it. */
  text: string;
}

export interface NotificationChannel {
  /** Sends one message; a repeat with the same notificationId sends nothing new and returns the first reference. */
  send(message: OutgoingMessage): Promise<{ reference: string }>;
}

/** Records what would be sent, in memory, in order; for development, tests and demos. */
export class SandboxNotificationChannel implements NotificationChannel {
  readonly sent: (OutgoingMessage & { reference: string })[] = [];
  private readonly gate: ReturnType<typeof sandboxGate>;

  constructor(behaviour: SandboxBehaviour = {}) {
    this.gate = sandboxGate('notification channel', behaviour);
  }

  async send(message: OutgoingMessage): Promise<{ reference: string }> {
    await this.gate('send');
    const earlier = this.sent.find((m) => m.notificationId === message.notificationId);
    if (earlier) return { reference: earlier.reference };
    const reference = `SANDBOX-MSG-${this.sent.length + 1}`;
    this.sent.push({ ...message, reference });
    return { reference };
  }
}
