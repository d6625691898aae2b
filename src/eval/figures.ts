/** Which of score.mjs's --json figures the quality table shows, and the bars the issues set. */

export interface Shown {
  task: string;
  key: string;
  label: string;
}

/** The headline figure first, then the details, per task. */
export const SHOWN: Record<string, Shown[]> = {
  entities: [
    { task: 'entities', key: 'f1', label: 'F1' },
    { task: 'entities', key: 'p', label: 'P' },
    { task: 'entities', key: 'r', label: 'R' },
  ],
  quotes: [
    { task: 'quotes', key: 'content_overlap_f1', label: 'content overlap F1' },
    { task: 'quotes', key: 'source_overlap_f1', label: 'source overlap F1' },
    { task: 'quotes', key: 'content_exact_f1', label: 'content exact F1' },
    { task: 'quotes', key: 'cue_overlap_f1', label: 'cue overlap F1' },
  ],
  speakers: [
    { task: 'speakers', key: 'all_acc', label: 'accuracy (all gold)' },
    { task: 'speakers', key: 'matched_acc', label: 'matched' },
  ],
  times: [
    { task: 'times', key: 'value_f1', label: 'value F1' },
    { task: 'times', key: 'relaxed_f1', label: 'span relaxed F1' },
    { task: 'times', key: 'strict_f1', label: 'strict F1' },
  ],
  places: [
    { task: 'places', key: 'all_acc', label: 'acc@161km (all gold)' },
    { task: 'places', key: 'detection_f1', label: 'detection F1' },
    { task: 'places', key: 'matched_acc', label: 'acc@161km matched' },
  ],
  toll: [
    { task: 'toll', key: 'killed_acc', label: 'killed exact' },
    { task: 'toll', key: 'injured_acc', label: 'injured exact' },
  ],
  events: [
    { task: 'events', key: 'weighted_f1', label: 'weighted F1' },
    { task: 'events', key: 'acc', label: 'accuracy' },
    { task: 'events', key: 'macro_f1', label: 'macro F1' },
  ],
};

/** Bars from the issues (held-out targets, measured here on the dev sets of the same kind). */
export const BARS: Record<string, number> = {
  'seed/aleppo entities f1': 0.9,
  'seed/aleppo quotes content_overlap_f1': 0.7,
  'seed/aleppo speakers all_acc': 0.7,
  'seed/aleppo times value_f1': 0.9,
  'seed/aleppo places all_acc': 1.0,
  'seed/aleppo toll killed_acc': 1.0,
  'seed/aleppo events acc': 1.0,
  'conllpp/dev entities f1': 0.85,
  're3d/dev entities f1': 0.6,
  'polnear/dev quotes content_overlap_f1': 0.75,
  'polnear/dev quotes source_overlap_f1': 0.75,
  'tempeval3/train times value_f1': 0.75,
  'meantime/dev times value_f1': 0.7,
  'gva/dev toll killed_acc': 0.75,
  'gva/dev toll injured_acc': 0.7,
  'case2021/dev events weighted_f1': 0.7,
  'lgl/all places all_acc': 0.8,
  'geowebnews/all places all_acc': 0.8,
  'geovirus/all places all_acc': 0.8,
};
