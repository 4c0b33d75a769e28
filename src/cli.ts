#!/usr/bin/env node
// The `vigie` command: start, demo, worker, migrate, import, score, doctor, detect-series, config check.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { ConfigError } from './config/config-error.js';
import { loadConfigFile } from './config/load-config.js';
import { configPathFrom } from './commands/config-path.js';
import { DEMO_CONFIG, runDemo } from './commands/demo.js';
import { runDigestPreview } from './commands/digest.js';
import { runDoctor } from './commands/doctor.js';
import { runImport } from './commands/import.js';
import { runImportMetrics } from './commands/import-metrics.js';
import { runLabelsExport, runLabelsImport } from './commands/labels.js';
import { runExportAuthor, runForget } from './commands/privacy.js';
import { runMigrate } from './commands/migrate.js';
import { runPoll } from './commands/poll.js';
import { scoreCommand } from './commands/score.js';
import { runStart, runWorker } from './commands/start.js';
import { rollbackUsageProblem, runModelList, runModelRollback, runTrain } from './commands/train.js';
import { detectSeries } from './detection/detect-series.js';
import { RedisUnavailableError } from './queue/redis-connection.js';
import { STAGES, type Stage } from './queue/names.js';

const program = new Command();
program.name('vigie').description('Social listening and e-reputation monitor').showHelpAfterError();
const configOption = () => new Option('-c, --config <file>', 'config file (default: $VIGIE_CONFIG or config/vigie.yaml)');

program
  .command('start')
  .description('run the API, the schedulers and every worker in one process')
  .addOption(configOption())
  .action(async (o) => runStart(configPathFrom(o.config)));

program
  .command('demo')
  .description('replay the bundled demo scenario on the embedded defaults and open the dashboard')
  .addOption(new Option('-c, --config <file>', 'config file (default: config/demo.yaml)'))
  .action(async (o) => runDemo(o.config ?? DEMO_CONFIG));

program
  .command('worker')
  .description(`run the workers of some stages only (${STAGES.join(', ')})`)
  .argument('<stages...>', 'stages to run')
  .addOption(configOption())
  .action(async (stages: string[], o) => {
    const unknown = stages.filter((s) => !(STAGES as readonly string[]).includes(s));
    if (unknown.length) throw new UsageError(`unknown stage(s) ${unknown.join(', ')}: expected ${STAGES.join(', ')}`);
    await runWorker(configPathFrom(o.config), stages as Stage[]);
  });

program
  .command('migrate')
  .description('apply the database migrations')
  .addOption(configOption())
  .action(async (o) => runMigrate(configPathFrom(o.config)));

program
  .command('import')
  .description('import mentions from a JSONL or CSV file (bad records are quarantined)')
  .argument('<file>')
  .option('--source-id <id>', 'source id recorded on the mentions')
  .addOption(configOption())
  .action(async (file: string, o) => {
    process.exitCode = (await runImport(configPathFrom(o.config), file, o.sourceId)) ? 0 : 1;
  });

program
  .command('import-metrics')
  .description('import business metrics from a CSV of date, metric, value (and optionally entity)')
  .argument('<file>')
  .option('--entity <id>', 'entity the metrics belong to (default: the whole company)')
  .addOption(configOption())
  .action(async (file: string, o) => {
    process.exitCode = (await runImportMetrics(configPathFrom(o.config), file, o.entity)) ? 0 : 1;
  });

const labels = program.command('labels').description("the team's sentiment labels in bulk");
labels
  .command('import')
  .description('apply labels from a CSV or JSONL file (mention_id, label, optionally by); bad rows are quarantined')
  .argument('<file>')
  .option('--by <who>', 'who the labels are recorded as when a row does not say (default: import:<user>)')
  .addOption(configOption())
  .action(async (file: string, o) => {
    process.exitCode = (await runLabelsImport(configPathFrom(o.config), file, o.by)) ? 0 : 1;
  });
labels
  .command('export')
  .description('write every label with who, when, the scorer reading and the text, as JSONL (default) or CSV')
  .option('--out <file>', 'write to this file (.csv or .jsonl) instead of stdout')
  .addOption(new Option('--format <format>', 'csv or jsonl (default: from --out, else jsonl)').choices(['csv', 'jsonl']))
  .addOption(configOption())
  .action(async (o) => {
    await runLabelsExport(configPathFrom(o.config), { out: o.out, format: o.format });
  });

program
  .command('train')
  .description("train the sentiment model per language and the tag classifier on the team's labels; adopted only if it beats the lexicon in cross-validation")
  .option('--folds <k>', 'folds of the cross-validation (default: learning.folds)', (v) => Number.parseInt(v, 10))
  .option('--by <who>', 'recorded as the author of the new versions', 'cli')
  .addOption(configOption())
  .action(async (o) => {
    await runTrain(configPathFrom(o.config), { folds: o.folds, by: o.by });
  });

const model = program.command('model').description('trained model versions');
model
  .command('list')
  .description('every stored version with its cross-validated figures; * marks the active ones')
  .addOption(configOption())
  .action(async (o) => runModelList(configPathFrom(o.config)));
model
  .command('rollback')
  .description('make a stored version active again (sentiment-en-v2, or 2 with --lang), or "lexicon" with --lang')
  .argument('<version>')
  .option('--lang <code>', 'language of the version')
  .addOption(new Option('--kind <kind>', 'sentiment or tags').choices(['sentiment', 'tags']).default('sentiment'))
  .addOption(configOption())
  .action(async (version: string, o) => {
    const problem = rollbackUsageProblem(version, o.lang, o.kind);
    if (problem) throw new UsageError(problem);
    process.exitCode = (await runModelRollback(configPathFrom(o.config), version, { lang: o.lang, kind: o.kind })) ? 0 : 1;
  });

program
  .command('forget')
  .description('erase an author and their mentions everywhere (GDPR erasure request)')
  .requiredOption('--platform <platform>', 'x, reddit, mastodon, ...')
  .requiredOption('--author <handle>', 'handle or platform id')
  .addOption(configOption())
  .action(async (o) => runForget(configPathFrom(o.config), o.platform, o.author));

program
  .command('export-author')
  .description('everything stored about one author, as JSON (GDPR access request)')
  .requiredOption('--platform <platform>', 'x, reddit, mastodon, ...')
  .requiredOption('--author <handle>', 'handle or platform id')
  .option('--out <file>', 'write to this file instead of stdout')
  .addOption(configOption())
  .action(async (o) => runExportAuthor(configPathFrom(o.config), o.platform, o.author, o.out));

program
  .command('score')
  .description('score a text: language, sentiment and why')
  .argument('<text>')
  .option('--mask <terms>', 'comma-separated brand names to mask', '')
  .option('--lexicon', "the default scorer even where the team's trained model is active")
  .addOption(new Option('-c, --config <file>', "config whose watched names, risk lexicon and active trained model score the text (default: $VIGIE_CONFIG; none: the default scorer alone)"))
  .action(async (text: string, o) => {
    const configPath = o.config ?? process.env.VIGIE_CONFIG;
    console.log(await scoreCommand(text, { configPath, mask: o.mask ? String(o.mask).split(',') : [], lexiconOnly: o.lexicon === true }));
  });

program
  .command('doctor')
  .description('check Redis, the database, SMTP and each source, and say what is wrong')
  .addOption(configOption())
  .action(async (o) => {
    process.exitCode = (await runDoctor(configPathFrom(o.config))) ? 0 : 1;
  });

program
  .command('poll')
  .description('poll one configured source once, as the collect stage would, and print what it returns without storing it')
  .argument('<sourceId>')
  .option('--json', 'one JSON line per mention (the stored shape plus the entities it matched)')
  .option('--cursor <value>', 'start from this cursor instead of a first run')
  .addOption(configOption())
  .action(async (sourceId: string, o) => {
    process.exitCode = await runPoll(configPathFrom(o.config), sourceId, { json: o.json === true, cursor: o.cursor });
  });

program
  .command('digest')
  .description('preview the weekly digest of an entity for any ISO week, as .html (browser) or .eml (mail client)')
  .requiredOption('--entity <id>', 'entity id from the config')
  .option('--week <week>', 'ISO week like 2026-W47 (default: the week that ended last in the entity time zone)')
  .requiredOption('--out <file>', 'digest.html or digest.eml')
  .addOption(configOption())
  .action(async (o) => {
    console.log(await runDigestPreview(configPathFrom(o.config), { entity: o.entity, week: o.week, out: o.out }));
  });

program
  .command('detect-series')
  .description('print, as JSON lines, the alerts the volume detectors raise on a timestamp,value CSV')
  .argument('<csv>')
  .action((file: string) => {
    for (const alert of detectSeries(readFileSync(file, 'utf8'))) console.log(JSON.stringify(alert));
  });

program
  .command('config')
  .description('configuration tools')
  .command('check')
  .description('validate a config file without starting anything')
  .argument('[file]')
  .action((file?: string) => {
    const path = configPathFrom(file);
    const config = loadConfigFile(path);
    console.log(`${path}: valid (${config.entities.length} entities, ${config.sources.length} sources, ${config.channels.length} channels)`);
  });

class UsageError extends Error {}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Invalid configuration:\n${error.message}`);
    process.exit(2);
  }
  if (error instanceof RedisUnavailableError || error instanceof UsageError) {
    console.error(error.message);
    process.exit(error instanceof UsageError ? 64 : 3);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
