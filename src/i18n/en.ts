/** English UI strings. Keys are grouped by area; zh.ts has exactly the same keys. */
export const en = {
  // app
  'app.title': 'LSTM Lens',
  'app.tagline': 'Watch a recurrent network learn, one timestep at a time',
  // gates (the seeds' vocabulary)
  'gate.i': 'input gate',
  'gate.f': 'forget gate',
  'gate.g': 'candidate',
  'gate.o': 'output gate',
  'gate.r': 'reset gate',
  'gate.z': 'update gate',
  'gate.n': 'new state',
  'gate.a': 'pre-activation',
  'state.c': 'cell state',
  'state.h': 'hidden state',
  'term.loss': 'loss',
  'term.gradient': 'gradient',
  'term.timestep': 'timestep',
  'term.vanishing': 'vanishing gradient',
  'term.exploding': 'exploding gradient',
};

export type Dict = { [K in keyof typeof en]: string };
