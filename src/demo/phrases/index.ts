// The phrase banks by language, assembled from the per-topic files.
import type { Lang, LanguageBank } from '../bank.js';
import { EN_CRISIS } from './en-crisis.js';
import { EN_QUIET } from './en-quiet.js';
import { EN_REPLIES } from './en-replies.js';
import { EN_SLOTS } from './en-slots.js';
import { FR_CRISIS } from './fr-crisis.js';
import { FR_QUIET } from './fr-quiet.js';
import { FR_REPLIES } from './fr-replies.js';
import { FR_SLOTS } from './fr-slots.js';

export const BANKS: Readonly<Record<Lang, LanguageBank>> = {
  en: { slots: EN_SLOTS, situations: { ...EN_QUIET, ...EN_CRISIS, ...EN_REPLIES } },
  fr: { slots: FR_SLOTS, situations: { ...FR_QUIET, ...FR_CRISIS, ...FR_REPLIES } },
};
