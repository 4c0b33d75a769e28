// The alert as a Slack incoming-webhook message: Block Kit blocks plus a `text` fallback for notifications.
import { alertStory } from './alert-story.js';
import { canAcknowledge, CHAT_TOP_MENTIONS, formatLocalTime, labelsOf, SEVERITY_EMOJI } from './alert-wording.js';
import type { AlertMessage } from './channels/channel.js';
import { safeLinkUrl, slackMrkdwn, slackPlain } from './chat-escape.js';

type PlainText = { type: 'plain_text'; text: string; emoji: boolean };
type Mrkdwn = { type: 'mrkdwn'; text: string; verbatim: true };
type Button = { type: 'button'; action_id: string; text: PlainText; url: string; style?: 'primary' | 'danger' };
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text?: PlainText | Mrkdwn; fields?: Mrkdwn[]; accessory?: Button }
  | { type: 'context'; elements: (PlainText | Mrkdwn)[] }
  | { type: 'actions'; elements: Button[] }
  | { type: 'divider' };

export interface SlackPayload {
  text: string;
  blocks: SlackBlock[];
  /** Lets Slack show URLs in mention text as typed rather than unfurling previews of them. */
  unfurl_links: false;
  unfurl_media: false;
}

// Slack's own limits: header 150 characters, section text 3000 (escaping can grow a character to 5);
// the margin covers emoji counted as two and the word joiners escaping adds.
const HEADER_MAX = 140;
const TEXT_MAX = 500;

/** plain_text must not be empty. */
const plain = (text: string, max: number): PlainText => ({ type: 'plain_text', text: slackPlain(text, max) || '–', emoji: false });
const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text, verbatim: true });
const button = (action_id: string, label: string, url: string, style?: Button['style']): Button => ({
  type: 'button',
  action_id,
  text: { type: 'plain_text', text: label, emoji: false },
  url,
  ...(style ? { style } : {}),
});

function mentionBlocks(message: AlertMessage): SlackBlock[] {
  const words = labelsOf(message);
  return message.evidence.slice(0, CHAT_TOP_MENTIONS).flatMap((m, i): SlackBlock[] => {
    const url = safeLinkUrl(m.url);
    const byline = `@${m.authorHandle} · ${words.followers(m.authorFollowers)} · ${formatLocalTime(m.publishedAt, message.language, message.timeZone)} · ${words.sentiment(m.sentiment)}`;
    return [
      { type: 'context', elements: [plain(byline, 200)] },
      { type: 'section', text: plain(m.text, TEXT_MAX), ...(url ? { accessory: button(`vigie-mention-${i}`, words.openPost, url) } : {}) },
    ];
  });
}

export function renderSlackMessage(message: AlertMessage): SlackPayload {
  const { alert, event } = message;
  const words = labelsOf(message);
  const story = alertStory(message);
  const blocks: SlackBlock[] = [
    { type: 'header', text: plain(`${SEVERITY_EMOJI[alert.severity]} ${story.headline}`, HEADER_MAX) },
    { type: 'context', elements: [plain(`${words.event[event]} · ${words.severity[alert.severity].toUpperCase()} · ${story.detected}`, 300)] },
    { type: 'section', text: plain(story.whatHappened, TEXT_MAX) },
  ];
  const facts: [string, string][] = [
    [words.sinceWhen, story.sinceWhen],
    [words.howBig, event === 'resolved' ? '' : story.howBig],
    [words.whoDrives, story.whoDrives],
    [words.nextStep, story.nextStep],
  ];
  // Labels are Vigie's words; the values hold handles and names, escaped.
  blocks.push({ type: 'section', fields: facts.filter(([, v]) => v !== '').map(([label, value]) => mrkdwn(`*${label}*\n${slackMrkdwn(value, 600)}`)) });
  if (story.phrases.length > 0) {
    blocks.push({ type: 'context', elements: [plain(`${words.emergingPhrases}: ${story.phrases.map((p) => `“${p}”`).join(', ')}`, 300)] });
  }
  if (message.evidence.length > 0) blocks.push({ type: 'divider' }, ...mentionBlocks(message));

  const actions: Button[] = [];
  const ackUrl = safeLinkUrl(message.acknowledgeUrl);
  if (ackUrl && canAcknowledge(event, message.acknowledgeUrl)) actions.push(button('vigie-acknowledge', words.acknowledge, ackUrl, 'primary'));
  const alertUrl = safeLinkUrl(message.alertUrl);
  if (alertUrl) actions.push(button('vigie-open-alert', words.openInVigie, alertUrl));
  const crisisUrl = safeLinkUrl(message.crisisUrl ?? '');
  if (crisisUrl) actions.push(button('vigie-open-crisis', words.openRoom, crisisUrl));
  if (actions.length > 0) blocks.push({ type: 'actions', elements: actions });

  return {
    text: slackMrkdwn(story.subject.replace(/^\[Vigie\] /, ''), 300),
    blocks,
    unfurl_links: false,
    unfurl_media: false,
  };
}
