/**
 * A model or input file that cannot be used. `code` says which kind of problem (tools and tests match on it,
 * the wording may change); the message says where, naming the tensor or key.
 */
export type InteropCode =
  | 'json.syntax' | 'json.tooDeep' | 'json.duplicateKey'
  | 'tensor.ragged' | 'tensor.notNumber' | 'tensor.nonFinite' | 'tensor.tooManyDims' | 'tensor.tooLarge'
  | 'safetensors.short' | 'safetensors.headerLength' | 'safetensors.header' | 'safetensors.entry' | 'safetensors.dtype'
  | 'safetensors.shape' | 'safetensors.offsets' | 'safetensors.span' | 'safetensors.overlap' | 'safetensors.gap'
  | 'safetensors.trailingBytes' | 'safetensors.metadata'
  | 'model.notObject' | 'model.missingTensor' | 'model.shape' | 'model.bidirectional' | 'model.projection' | 'model.twoModules'
  | 'model.noRecurrent' | 'model.noBias' | 'model.tooManyLayers' | 'model.hiddenSize' | 'model.gateRows' | 'model.peephole'
  | 'model.unknownTensor' | 'model.architecture'
  | 'input.notObject' | 'input.unknownKey' | 'input.missingKey' | 'input.shape' | 'input.tooLarge';

export class InteropError extends Error {
  constructor(
    readonly code: InteropCode,
    message: string,
  ) {
    super(message);
    this.name = 'InteropError';
  }
}
