// `vigie digest --entity acme --week 2026-W47 --out digest.html|.eml`: preview any week's digest without sending it.
import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { loadConfigFile } from '../config/load-config.js';
import { entityLocale } from '../config/entity-locale.js';
import { buildDigest, digestEntity } from '../digest/build-digest.js';
import { inlineImages, renderDigest, type RenderedDigest } from '../digest/render-digest.js';
import { digestMessageId, digestWeekAt } from '../stages/digest.js';
import { openDatabase } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';

export interface DigestPreviewOptions {
  entity: string;
  /** ISO week like 2026-W47; default: the week that ended last in the entity's time zone. */
  week?: string;
  /** .html (images inlined, for a browser) or .eml (the email as it would be sent, for a mail client). */
  out: string;
}

export async function runDigestPreview(configPath: string, options: DigestPreviewOptions): Promise<string> {
  const config = loadConfigFile(configPath);
  const entity = digestEntity(config, options.entity);
  const format = extname(options.out).toLowerCase();
  if (format !== '.html' && format !== '.eml') throw new Error(`--out: expected a file ending in .html or .eml, got "${options.out}"`);
  const week = options.week ?? digestWeekAt(config, entity.id, Date.now());
  const store = await openDatabase(config.database.url, config.dataDir);
  let rendered: RenderedDigest;
  try {
    await migrateToLatest(store);
    rendered = renderDigest(await buildDigest(store.db, config, entity.id, week), entityLocale(config, entity.id));
  } finally {
    await store.close();
  }
  const path = resolve(options.out);
  if (format === '.html') {
    writeFileSync(path, inlineImages(rendered));
  } else {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const info = await transport.sendMail({
      from: config.smtp.from,
      to: entity.digest?.recipients ?? [],
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      attachments: rendered.attachments,
      messageId: digestMessageId(config.smtp.from, entity.id, week),
    });
    writeFileSync(path, info.message as Buffer);
  }
  console.log(`${entity.name}, week ${week}: ${rendered.subject}\n  -> ${path}`);
  return path;
}
