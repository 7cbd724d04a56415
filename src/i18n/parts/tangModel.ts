/** Strings of the trained character model on the Tang poems. */
export const TANG_MODEL_EN = {
  'models.ckpt.tang': 'LSTM, Tang poems character by character (3000 steps)',
};

export const TANG_MODEL_ZH: Record<keyof typeof TANG_MODEL_EN, string> = {
  'models.ckpt.tang': 'LSTM，逐字学唐诗（3000 步）',
};
