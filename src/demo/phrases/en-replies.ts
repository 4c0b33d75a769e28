// English phrase banks for replies, quote posts and the brand's customer-service answers.
import type { SituationBank } from '../bank.js';

type ReplySituation = 'replyMeToo' | 'replyAnswer' | 'replyChat' | 'replyCrisis' | 'helpReply' | 'helpCrisisReply' | 'quoteQuiet' | 'quoteCrisis';

export const EN_REPLIES: Record<ReplySituation, SituationBank> = {
  replyMeToo: {
    mood: 'neg',
    openers: ['same', 'same here', 'omg same', 'yep', 'this!!', 'literally same'],
    cores: [
      'mine {does|did} {exactly that|the same thing} <ago>',
      'had {that|the same} issue with my <product> {last month|for weeks}',
      '{support|<help>} told me {to reset it|to wait for the update|nothing useful} too',
      'you are not alone, {<brand> really needs to fix this|it is a known thing apparently}',
    ],
    extras: ['so annoying.', 'gave up in the end.', 'let me know if they answer you.'],
  },
  replyAnswer: {
    mood: 'neutral',
    openers: ['yes', 'yep', 'iirc', 'from what i know', 'in my experience', 'not sure but'],
    cores: [
      'the <product> {works fine|pairs ok} with <platformHub>, {took me 5 min|no issue}',
      'i change the <filter> {every 4 months|twice a year|when the app tells me}',
      'on night mode the <product> is {basically silent|very quiet|a soft hum}',
      '{got|found} mine at <store>, {was in stock|they had a few}',
      'for a <room> it {is plenty|is fine|might be a bit small}, <brand> says up to {40|35} m²',
      'hold the power button 10s to reset, {fixed it for me|worked for me}',
    ],
    extras: ['hope that helps!', 'good luck.', 'dm if you have questions.'],
  },
  replyChat: {
    mood: 'pos',
    openers: ['ha', 'haha', 'lol', 'agreed', 'fair', 'true', 'nice'],
    cores: [
      'same with my <product>, {love it|no complaints}',
      '{good to know|noted}, was {looking at|eyeing} the <product>',
      'the <brand> app is {underrated|surprisingly good} tbh',
      '{congrats|enjoy} on the new <product>!',
      '{i went the other way and got|ended up with|we have} <rival>{, no regrets| and honestly also happy| at home, works fine}',
      '{how long|how many weeks} have you had {it|yours}? thinking about the <product> {for the <room>|too}',
      '{does|did} <brand> {ship|deliver} fast {for you|to <city>}?',
      '{my <someone>|<someone>} {has|got} one {too|as well} and {keeps talking about it|wont shut up about it}',
      '{ha|lol} the <product> light show {when you cook|at dinner time} is {the best part|my favourite}',
      'is the <brand> app {any good|ok} on {iphone|android}?',
      'that is {good|great|nice} to hear, {reviews said|i read} the {filters|sensor} {were meh|was off}',
    ],
    extras: ['👌', 'nice.', 'keep us posted.'],
  },
  replyCrisis: {
    mood: 'angry',
    openers: ['omg', 'wtf', 'this is terrifying', 'jesus', 'holy', 'no way', 'yikes'],
    cores: [
      'is that {really|actually} a <product>??',
      'mine {also|too} smelled like <smell> {last week|<ago>}, thought it was the neighbours',
      'please report it, <brand> has to {recall|pull} these',
      'unplugging mine right now. {thank you for posting|thanks for the warning}',
      '{same|same with mine}, and <help> {never answered|ghosted me}',
      'this is the {third|fifth|tenth} melted <product> i see today',
      'hope everyone is ok. <brand> needs to answer this',
      '{keep|save} the {unit|receipt|photos}{, you might need them for the class action|. class action incoming| for when the recall comes}',
    ],
    extras: ['glad nobody got hurt.', 'scary stuff.', 'RT for visibility.'],
  },
  helpReply: {
    mood: 'pos',
    openers: ['Hi there!', 'Hello!', 'Hi!', 'Thanks for reaching out!'],
    cores: [
      '{sorry about the trouble with|sorry to hear about} your Kelio Aura{.|!} {could you|can you|please} DM us your order number {so we can check|and we will sort it out|so we can take a look}?',
      'a quick reset usually fixes this: hold the power button for 10 seconds. if it persists, {DM us|send us a DM} 🙂',
      'the Kelio Aura works with {HomeKit, Alexa and Google Home|Matter hubs}, setup guide is in the app under Devices.',
      'we recommend changing the Kelio Aura filter every 6 months, the app reminds you 🙂',
      'thanks for the kind words about Kelio, it means a lot to the team!',
    ],
    closers: ['— Léa', '— Tom', '— Inès', '— Sam', ''],
  },
  helpCrisisReply: {
    mood: 'worry',
    openers: ['Hi,', 'Hello,', 'Hi there,', "We're so sorry."],
    cores: [
      "we're very sorry to see this. please unplug your Kelio Aura and DM us your serial number, our team is looking into it urgently.",
      'thank you for flagging this. we are investigating reports about the Kelio Aura and will share an update today. please DM us your details.',
      'we apologise for the delay with your refund. we have escalated your case, please check your DMs.',
      "we're sorry for the late reply. for your safety please stop using your Kelio Aura; we'll contact you about a replacement or refund.",
    ],
    closers: ['— Kelio Care', '— Léa', '— Tom', ''],
  },
  quoteQuiet: {
    mood: 'neutral',
    openers: ['this.', 'interesting.', 'hm', 'fair.', 'yes', 'worth a read:'],
    cores: [
      '{exactly my experience|same experience|not my experience at all} with <brand>',
      '{good review|solid thread} on the <product>',
      'the <product> deserves more attention {tbh|honestly}',
      'was about to buy a <product>, {this helps|good timing}',
    ],
  },
  quoteCrisis: {
    mood: 'angry',
    openers: ['👇', 'read this.', 'this.', 'wow.', 'please read', 'not good.'],
    cores: [
      '<brand> {needs to answer|has to respond to} this {today|now|immediately}',
      'another melted <product>. {when is the recall|where is the recall|how many more}?',
      'this is {exactly|precisely} why {i returned my|i unplugged my} <product>',
      'the way <brand> is handling the <product> {situation|mess} is <worse>',
      'share this if you own a <product>',
      '<help> ignored me for <waited> and now this',
    ],
    extras: ['#KelioAura', '#BoycottKelio', 'safety first.'],
  },
};
