import type { Envelope } from '../envelope.js';

/** What a message handler gets with the payload (`@Ctx()`): the envelope, its topic and attempt. */
export class MessageContext {
  constructor(
    readonly envelope: Envelope,
    readonly topic: string,
    readonly subscription: string,
    readonly attempt: number,
  ) {}
}
