// The crisis room's checklist: the configured playbook, or a default one in the entity's language.
import type { Locale } from '../domain/locale.js';

export interface PlaybookStep {
  id: string;
  label: string;
  /** Due this many minutes after the crisis opened; no due time when absent. */
  withinMinutes?: number;
}

/** What a PR team does in the first hours of a crisis, whatever its cause. */
const DEFAULT_PLAYBOOK: Record<Locale, PlaybookStep[]> = {
  en: [
    { id: 'take-charge', label: 'Name an owner (take charge)', withinMinutes: 15 },
    { id: 'holding-statement', label: 'Post a holding statement', withinMinutes: 30 },
    { id: 'answer-influencers', label: 'Answer the influential negative posts', withinMinutes: 60 },
    { id: 'brief-leadership', label: 'Brief leadership and legal', withinMinutes: 60 },
    { id: 'full-statement', label: 'Publish the full answer', withinMinutes: 240 },
  ],
  fr: [
    { id: 'take-charge', label: 'Nommer un responsable (prendre en charge)', withinMinutes: 15 },
    { id: 'holding-statement', label: "Publier une déclaration d'attente", withinMinutes: 30 },
    { id: 'answer-influencers', label: 'Répondre aux posts négatifs influents', withinMinutes: 60 },
    { id: 'brief-leadership', label: 'Informer la direction et le juridique', withinMinutes: 60 },
    { id: 'full-statement', label: 'Publier la réponse complète', withinMinutes: 240 },
  ],
};

export function playbookSteps(configured: readonly PlaybookStep[] | undefined, language: Locale): PlaybookStep[] {
  return configured && configured.length > 0 ? [...configured] : DEFAULT_PLAYBOOK[language];
}

/** The first step with a due time after taking charge: what the alert's next step names. */
export function firstActionStep(steps: readonly PlaybookStep[]): { label: string; withinMinutes: number } | undefined {
  const step = steps.find((s) => s.id !== 'take-charge' && s.withinMinutes !== undefined);
  return step && { label: step.label, withinMinutes: step.withinMinutes as number };
}

export interface ChecklistItem extends PlaybookStep {
  /** Against the response clock: the crisis's opening plus the step's minutes. */
  dueAt: number | null;
  doneAt: number | null;
  doneBy: string | null;
  overdue: boolean;
}

/** The playbook as the room shows it: each step with its due time, whether it is done, and whether it is late. */
export function checklist(steps: readonly PlaybookStep[], done: ReadonlyMap<string, { doneAt: number; doneBy: string | null }>, openedAt: number, now: number): ChecklistItem[] {
  return steps.map((step) => {
    const state = done.get(step.id);
    const dueAt = step.withinMinutes === undefined ? null : openedAt + step.withinMinutes * 60_000;
    const doneAt = state?.doneAt ?? null;
    return { ...step, dueAt, doneAt, doneBy: state?.doneBy ?? null, overdue: dueAt !== null && (doneAt ?? now) > dueAt };
  });
}
