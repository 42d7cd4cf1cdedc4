/**
 * The `onebot` section: reaching QQ through a OneBot v11 implementation (NapCat, Lagrange, LLOneBot) over a
 * reverse WebSocket (the implementation dials kizuna) or a forward one (kizuna dials the implementation).
 * Every duration is in seconds; docs/configuration.md and docs/onebot.md document each key.
 */
import { z } from 'zod';

const seconds = z.number().min(0);

export const onebotSchema = z
  .object({
    enabled: z.boolean().default(false),
    mode: z.enum(['reverse', 'forward']).default('reverse'),
    /** The shared secret: `Authorization: Bearer <token>` (or `?access_token=`) on the WebSocket handshake. */
    accessToken: z.string().optional(),
    /** The bot account that sends for a session no message has arrived from yet. */
    selfId: z.string().regex(/^\d{1,20}$/, 'a QQ number (digits)').optional(),
    reversePath: z.string().regex(/^\/\S*$/, 'a path starting with "/"').default('/onebot/v11/ws'),
    forwardUrl: z.string().regex(/^wss?:\/\/\S+$/, 'a ws:// or wss:// URL').optional(),
    maxFrameBytes: z.number().int().min(1024).default(4 * 1024 * 1024),
    actionTimeoutSeconds: z.number().positive().default(30),
    connectWaitSeconds: seconds.default(30),
    sendIntervalSeconds: seconds.default(1),
    reconnectMinSeconds: z.number().positive().default(1),
    reconnectMaxSeconds: z.number().positive().default(60),
    pingIntervalSeconds: seconds.default(30),
    typingIndicator: z.boolean().default(false),
    resendUnconfirmed: z.boolean().default(false),
    botMessageMemory: z.number().int().min(1).default(200),
    botMessageTtlSeconds: z.number().positive().default(3 * 86_400),
  })
  .strict()
  .refine((onebot) => !onebot.enabled || onebot.mode !== 'forward' || onebot.forwardUrl !== undefined, {
    path: ['forwardUrl'],
    message: 'required when onebot.mode is "forward"',
  })
  .refine((onebot) => onebot.reconnectMaxSeconds >= onebot.reconnectMinSeconds, {
    path: ['reconnectMaxSeconds'],
    message: 'must be at least onebot.reconnectMinSeconds',
  });

export type OnebotConfig = z.infer<typeof onebotSchema>;
