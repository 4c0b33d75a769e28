// The shape of config/vigie.yaml, validated once at start-up. Sources are validated by their own connector schema.
import { z } from 'zod';
import { LOCALES } from '../domain/locale.js';
import { trustProxySchema } from './trust-proxy.js';

// Mastodon handles name their instance ("acme@mastodon.social"), as the Mastodon connector stores them.
const handle = z.string().regex(/^@?[\p{L}\p{N}_.\-]+(@[\p{L}\p{N}_.\-]+)?$/u, 'a handle like "@acme", "acme" or "acme@mastodon.social"');

export const entityKindSchema = z.enum(['brand', 'product', 'person', 'competitor']);

export const entitySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase id of letters, digits and dashes, like "acme-phone"'),
    name: z.string().min(1),
    kind: entityKindSchema,
    /** The brand this product, person or competitor belongs to (competitors are compared with it). */
    parent: z.string().optional(),
    terms: z.array(z.string().min(2)).min(1, 'at least one search term'),
    exclude: z.array(z.string().min(1)).default([]),
    /**
     * Web domains of the entity (`kelio.fr`): a post linking to one of them, or to a subdomain, names the entity
     * even when its text does not (a shared article, a Hacker News story, an expanded t.co link).
     */
    domains: z.array(z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'a domain name like "kelio.fr", without scheme or path')
      .transform((d) => d.toLowerCase())).default([]),
    /** The entity's own accounts per platform: their posts are brand responses and advocacy. */
    ownHandles: z.record(z.string(), z.array(handle)).default({}),
    /** Employees' accounts, counted as advocacy. */
    employeeHandles: z.record(z.string(), z.array(handle)).default({}),
    timezone: z.string().optional(),
    /** Language of the entity's alerts and digest; without it, its parent's, then the configuration's. */
    locale: z.enum(LOCALES).optional(),
    digest: z
      .object({
        recipients: z.array(z.email()).min(1),
        /** cron pattern in the entity's time zone; default Monday 08:00. */
        pattern: z.string().default('0 8 * * 1'),
      })
      .optional(),
    /** A PDF of the overview for the last full week or month, emailed on a schedule (in the entity's time zone). */
    report: z
      .object({
        every: z.enum(['week', 'month']).default('week'),
        recipients: z.array(z.email()).min(1),
        /** cron pattern; default Monday 08:00 (week) or the 1st at 08:00 (month). */
        pattern: z.string().optional(),
      })
      .strict()
      .optional(),
    /**
     * The entities this one is benchmarked against (share of voice, competitor table, digest): a CEO against rival
     * CEOs, a product against rival products. Default: a brand's competitor entities; none for a product or a person.
     */
    peers: z.array(z.string()).optional(),
    /** Industry norms the KPIs are compared with, e.g. { negativeShare: 0.18 }. */
    norms: z.record(z.string(), z.number()).default({}),
  })
  .strict();

export const emailChannelSchema = z
  .object({
    id: z.string().min(1),
    type: z.literal('email'),
    to: z.array(z.email()).min(1),
    from: z.string().default('Vigie <vigie@localhost>'),
  })
  .strict();

export const webhookChannelSchema = z
  .object({
    id: z.string().min(1),
    type: z.enum(['slack', 'teams', 'webhook']),
    url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
    /** HMAC-SHA256 key for the generic webhook's signature header. */
    secret: z.string().optional(),
    /** Loopback / private targets are refused unless explicitly allowed (SSRF guard). */
    allowPrivateNetwork: z.boolean().default(false),
  })
  .strict()
  .refine((c) => c.type !== 'webhook' || (c.secret !== undefined && c.secret.length >= 16), {
    path: ['secret'],
    message: 'expected a secret of at least 16 characters to sign the webhook (receivers verify X-Vigie-Signature)',
  });

export const channelSchema = z.discriminatedUnion('type', [emailChannelSchema, webhookChannelSchema]);

export const severitySchema = z.enum(['low', 'medium', 'high', 'critical']);

export const routeSchema = z
  .object({
    channels: z.array(z.string()).min(1),
    /** Only alerts of these entities (all when omitted). */
    entities: z.array(z.string()).optional(),
    /** Only alerts at or above this severity. */
    minSeverity: severitySchema.default('low'),
    /** Only alerts whose evidence mentions carry one of these custom tags (ids from `tags`), e.g. product-defect to the quality team. */
    tags: z.array(z.string()).optional(),
    /**
     * The competitive-intelligence route: true takes the competitors' alerts only. A competitor's alert is news about
     * the competitor, not a crisis of the brand: other routes take it only when `entities` names it.
     */
    competitors: z.boolean().default(false),
  })
  .strict();

/** One step of the crisis room's checklist, e.g. { id: holding-statement, label: "Holding statement", withinMinutes: 30 }. */
export const playbookStepSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase id of letters, digits and dashes, like "holding-statement"'),
    label: z.string().min(1).max(200),
    /** Due this many minutes after the crisis opened (the response clock); no due time when omitted. */
    withinMinutes: z.number().int().positive().optional(),
  })
  .strict();

/** A custom tag the team defines; the tag classifier learns it from the mentions the team tags. */
export const tagSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'expected a lower-case slug like product-defect'),
    name: z.string().min(1).max(80),
    description: z.string().max(500).default(''),
  })
  .strict();

export const alertsSchema = z
  .object({
    routes: z.array(routeSchema).default([]),
    quietHours: z
      .object({ start: z.string().regex(/^\d\d:\d\d$/), end: z.string().regex(/^\d\d:\d\d$/), timezone: z.string().default('UTC') })
      .optional(),
    /** Detector and lifecycle parameters (cooldown, resolution): see src/detection/detection-params.ts. */
    detectors: z.record(z.string(), z.unknown()).default({}),
    /** The crisis room's checklist; a default playbook in the entity's language when omitted. */
    playbook: z.array(playbookStepSchema).optional(),
  })
  .strict();

export const configSchema = z
  .object({
    timezone: z.string().default('UTC'),
    locale: z.enum(LOCALES).default('en'),
    /** What the whole dashboard shares: the one time zone of its axes, lists, CSV exports and emails. */
    workspace: z
      .object({
        /** IANA time zone; default: `timezone`. An entity's own `timezone` still schedules its digest. */
        timeZone: z.string().optional(),
      })
      .strict()
      .default({}),
    dataDir: z.string().default('data'),
    database: z
      .object({
        url: z.string().default(''),
        /** A PostgreSQL read replica for the dashboard's and the digest's reads; empty: everything on `url`. */
        readUrl: z.string().default(''),
      })
      .strict()
      .default({ url: '', readUrl: '' }),
    redis: z
      .object({
        url: z.string().default(''),
        /**
         * A Redis Cluster instead of one Redis: seed nodes as ["host:port", ...], or one URL
         * "redis://[user:password@]host1:port1,host2:port2". Takes the place of `url`.
         */
        cluster: z.union([z.array(z.string()), z.string()]).optional(),
        /** Every key starts with it; the braces make it a hash tag, so a queue's keys share one cluster slot. */
        prefix: z.string().default('{vigie}'),
      })
      .strict()
      .default({ url: '', prefix: '{vigie}' }),
    api: z
      .object({
        host: z.string().default('127.0.0.1'),
        // Coerced: it often comes from the environment (${VIGIE_PORT:-8080}), as a string.
        port: z.coerce.number().int().min(0).max(65535).default(8080),
        token: z.string().default(''),
        /** Address people reach the dashboard at; used in links in emails. */
        publicUrl: z.string().default(''),
        /** Key that signs acknowledge links; derived from the token when empty. */
        linkSecret: z.string().default(''),
        /** Proxies whose X-Forwarded-For gives the client address (failed-login lockout, logs); off by default. */
        trustProxy: trustProxySchema,
      })
      .strict()
      .default({ host: '127.0.0.1', port: 8080, token: '', publicUrl: '', linkSecret: '', trustProxy: false }),
    smtp: z
      .object({
        /** smtp://user:pass@host:port; empty = write .eml files to the outbox folder. */
        url: z.string().default(''),
        outboxDir: z.string().default(''),
        from: z.string().default('Vigie <vigie@localhost>'),
      })
      .strict()
      .default({ url: '', outboxDir: '', from: 'Vigie <vigie@localhost>' }),
    entities: z.array(entitySchema).min(1, 'at least one entity to watch'),
    /** Each entry is validated by its connector's schema (see src/sources/registry.ts). */
    sources: z.array(z.object({ id: z.string().min(1), type: z.string().min(1) }).passthrough()).default([]),
    channels: z.array(channelSchema).default([]),
    alerts: alertsSchema.default({ routes: [], detectors: {} }),
    /** How long each kind of data is kept, in days (GDPR: keep personal data no longer than needed). */
    retention: z
      .object({
        /** Raw mention text and author details. */
        mentionsDays: z.number().int().positive().default(90),
        /** Per-minute rollups only feed detection, which reads the last 27 hours of them (keep at least 2 days). */
        minuteRollupsDays: z.number().int().positive().default(8),
        hourlyRollupsDays: z.number().int().positive().default(730),
        alertsDays: z.number().int().positive().default(730),
        quarantineDays: z.number().int().positive().default(30),
      })
      .strict()
      .default({ mentionsDays: 90, minuteRollupsDays: 8, hourlyRollupsDays: 730, alertsDays: 730, quarantineDays: 30 }),
    scoring: z
      .object({
        riskLexicon: z.record(z.string(), z.array(z.string())).optional(),
        /** How often authors' influence (followers, engagement, amplification, network rank) is recomputed. @defaultValue 60 */
        influenceEveryMinutes: z.number().int().min(1).max(1440).optional(),
      })
      .strict()
      .default({}),
    /** How worker processes share the stages. */
    workers: z
      .object({
        /**
         * A process that runs both the collect and the score stage scores and stores each collected batch within the
         * collect job, at most as many batches at once as the score stage's concurrency: the batch crosses Redis once
         * instead of twice (with the batched brand responses, about half the worker CPU per mention in the ingest bench). false sends every batch through the
         * score queue, to be shared by all score processes. Processes that run only one of the two stages always use
         * the queue. Storage is idempotent either way: a retried collect job stores nothing twice.
         * @defaultValue true
         */
        scoreInCollect: z.boolean().default(true),
      })
      .strict()
      .default({ scoreInCollect: true }),
    /** Learning from the team's labels (vigie train, the maintain job, score workers). */
    learning: z
      .object({
        /** The maintain job retrains when at least this many labels arrived since the last training. */
        retrainAfterLabels: z.number().int().positive().default(50),
        /** How often the maintain job looks (minutes). */
        checkEveryMinutes: z.number().int().positive().default(30),
        /** Folds of the cross-validation that decides adoption. */
        folds: z.number().int().min(2).max(20).default(5),
        /** How often a score worker checks whether the active model changed (seconds). */
        modelCheckSeconds: z.number().int().positive().default(15),
      })
      .strict()
      .default({ retrainAfterLabels: 50, checkEveryMinutes: 30, folds: 5, modelCheckSeconds: 15 }),
    /** Custom tags (delivery, price, product defect...); more can be added through the API. */
    tags: z.array(tagSchema).default([]),
  })
  .strict();

export type VigieConfigInput = z.input<typeof configSchema>;
export type EntityConfig = z.output<typeof entitySchema>;
export type ChannelConfig = z.output<typeof channelSchema>;
export type Severity = z.output<typeof severitySchema>;
