// The alert as a Microsoft Teams message: an Adaptive Card in the `attachments` envelope that Teams Workflows webhooks accept.
import type { AlertSeverity } from '../domain/alert.js';
import { alertStory } from './alert-story.js';
import { canAcknowledge, CHAT_TOP_MENTIONS, formatLocalTime, labelsOf } from './alert-wording.js';
import type { AlertMessage } from './channels/channel.js';
import { safeLinkUrl, teamsText } from './chat-escape.js';

/*
 * Why an Adaptive Card: the Workflows app ("When a Teams webhook request is received"), which replaces
 * the retiring Office 365 connectors, posts Adaptive Cards only, never the legacy MessageCard. Every
 * dynamic string goes in a TextRun, which Teams renders without markdown, so a mention cannot add
 * links or formatting; links appear only as Action.OpenUrl buttons with vetted http(s) targets.
 */

type Colour = 'default' | 'accent' | 'good' | 'warning' | 'attention';
type TextRun = { type: 'TextRun'; text: string; weight?: 'bolder'; isSubtle?: boolean; size?: 'small' | 'medium'; color?: Colour };
type OpenUrl = { type: 'Action.OpenUrl'; title: string; url: string; style?: 'positive' };
export type CardElement =
  | { type: 'RichTextBlock'; inlines: TextRun[] }
  | { type: 'Container'; items: CardElement[]; style?: Colour; separator?: boolean; spacing?: 'medium' }
  | { type: 'ActionSet'; actions: OpenUrl[] };

export interface AdaptiveCard {
  $schema: string;
  type: 'AdaptiveCard';
  version: '1.4';
  msteams: { width: 'Full' };
  body: CardElement[];
  actions: OpenUrl[];
}

export interface TeamsPayload {
  type: 'message';
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard }];
}

const SEVERITY_COLOUR: Record<AlertSeverity, Colour> = { low: 'accent', medium: 'warning', high: 'attention', critical: 'attention' };
const TEXT_MAX = 500;

type RunStyle = Omit<TextRun, 'type' | 'text'>;
/** A run of untrusted text (mention, handle, phrase, why, names from config). */
const run = (text: string, max: number, style: RunStyle = {}): TextRun => ({ type: 'TextRun', text: teamsText(text, max), ...style });
/** A run of Vigie's own wording, kept as is (escaping would trim its spaces). */
const fixed = (text: string, style: RunStyle = {}): TextRun => ({ type: 'TextRun', text, ...style });
const line = (...inlines: TextRun[]): CardElement => ({ type: 'RichTextBlock', inlines });

function mentionContainers(message: AlertMessage): CardElement[] {
  const words = labelsOf(message);
  return message.evidence.slice(0, CHAT_TOP_MENTIONS).map((m): CardElement => {
    const url = safeLinkUrl(m.url);
    const byline = ` · ${words.followers(m.authorFollowers)} · ${formatLocalTime(m.publishedAt, message.language, message.timeZone)} · `;
    return {
      type: 'Container',
      separator: true,
      items: [
        line(run(`@${m.authorHandle}`, 80, { weight: 'bolder' }), fixed(byline, { isSubtle: true }), run(words.sentiment(m.sentiment), 20, { isSubtle: true })),
        line(run(m.text, TEXT_MAX)),
        ...(url ? [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: words.openPost, url }] } satisfies CardElement] : []),
      ],
    };
  });
}

export function renderTeamsCard(message: AlertMessage): TeamsPayload {
  const { alert, event } = message;
  const words = labelsOf(message);
  const story = alertStory(message);
  const colour = SEVERITY_COLOUR[alert.severity];
  const fact = (label: string, value: string) => line(fixed(`${label}: `, { weight: 'bolder' }), run(value, TEXT_MAX));
  const body: CardElement[] = [
    {
      type: 'Container',
      style: colour,
      items: [
        line(fixed(`${words.event[event]} · ${words.severity[alert.severity].toUpperCase()} · ${story.detected}`, { weight: 'bolder', color: colour })),
        line(run(story.headline, 200, { weight: 'bolder', size: 'medium' })),
      ],
    },
    line(run(story.whatHappened, TEXT_MAX)),
    fact(words.sinceWhen, story.sinceWhen),
    ...(event === 'resolved' || !story.howBig ? [] : [fact(words.howBig, story.howBig)]),
    fact(words.whoDrives, story.whoDrives),
    fact(words.nextStep, story.nextStep),
  ];
  if (story.phrases.length > 0) {
    body.push(line(fixed(`${words.emergingPhrases}: `, { weight: 'bolder' }), run(story.phrases.map((p) => `“${p}”`).join(', '), 300)));
  }
  body.push(...mentionContainers(message));

  const actions: OpenUrl[] = [];
  const ackUrl = safeLinkUrl(message.acknowledgeUrl);
  if (ackUrl && canAcknowledge(event, message.acknowledgeUrl)) actions.push({ type: 'Action.OpenUrl', title: words.acknowledge, url: ackUrl, style: 'positive' });
  const alertUrl = safeLinkUrl(message.alertUrl);
  if (alertUrl) actions.push({ type: 'Action.OpenUrl', title: words.openInVigie, url: alertUrl });
  const crisisUrl = safeLinkUrl(message.crisisUrl ?? '');
  if (crisisUrl) actions.push({ type: 'Action.OpenUrl', title: words.openRoom, url: crisisUrl });

  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', msteams: { width: 'Full' }, body, actions },
      },
    ],
  };
}
