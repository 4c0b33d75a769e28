// Share of voice: each entity's part of the conversation among a brand and its competitors, by volume and by reach.

export interface VoiceInput {
  entityId: string;
  volume: number;
  reach: number;
}

export interface VoiceShare extends VoiceInput {
  /** 0..1 of the group's mentions. */
  volumeShare: number;
  /** 0..1 of the group's reach: a few loud mentions can outweigh many quiet ones. */
  reachShare: number;
}

export function shareOfVoice(entries: readonly VoiceInput[]): VoiceShare[] {
  const volume = entries.reduce((s, e) => s + e.volume, 0);
  const reach = entries.reduce((s, e) => s + e.reach, 0);
  return entries.map((e) => ({
    ...e,
    volumeShare: volume > 0 ? e.volume / volume : 0,
    reachShare: reach > 0 ? e.reach / reach : 0,
  }));
}
