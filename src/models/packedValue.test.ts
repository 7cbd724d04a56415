import { describe, expect, it } from 'vitest';
import { isPackedLayout, planPack, unpackValue } from './packedValue.ts';

const chunksOf = (plan: ReturnType<typeof planPack>): ArrayBuffer[] => plan.layout.chunkBytes.map((_, k) => plan.chunk(k));

describe('planPack', () => {
  const shared = Float32Array.from([1.5, -2, NaN]);
  const value = {
    config: { task: 'sine', hiddenSize: 12, recurrentScale: null, flag: true },
    weights: Float64Array.from([0.1, -1e-300, Infinity, 5e-324]),
    frames: [
      { step: 3, frame: { x: shared, layers: [{ h: Float32Array.from([7]), act: shared, c: null }] } },
      { step: 9, frame: { x: new Float32Array(0), ids: Int32Array.from([-1, 2, 2147483647]), mask: Uint8Array.from([1, 0, 255]) } },
    ],
    loss: { train: [0.5, 0.25], validation: [] },
  };

  it('moves every typed array into chunks and gives back an equal value', () => {
    const plan = planPack(value);
    const typedInShape = JSON.stringify(plan.layout.shape, (_k, v: unknown) => (ArrayBuffer.isView(v) ? 'TYPED' : v)).includes('TYPED');
    expect(typedInShape).toBe(false);
    expect(plan.layout.slots).toHaveLength(6);
    const layout = structuredClone(plan.layout);
    expect(isPackedLayout(layout)).toBe(true);

    const back = unpackValue(layout, structuredClone(chunksOf(plan))) as typeof value;
    expect(back).toEqual(value);
    expect(back.weights).toBeInstanceOf(Float64Array);
    expect(Object.is(back.weights[1], -1e-300)).toBe(true);
    expect((back.frames[1].frame as { ids: unknown }).ids).toBeInstanceOf(Int32Array);
    // An array held in two places is stored once and comes back as one array.
    expect(back.frames[0].frame.layers?.[0].act).toBe(back.frames[0].frame.x);
  });

  it('cuts the bytes into chunks of the size asked for; an array cut across chunks comes back whole', () => {
    const big = { a: new Float64Array(100), b: new Float64Array(10), c: new Float64Array(10), d: new Float32Array(3) };
    const plan = planPack(big, 128);
    expect(plan.layout.chunkBytes).toEqual([128, 128, 128, 128, 128, 128, 128, 80]);
    expect(plan.chunk(7).byteLength).toBe(80);
    expect(unpackValue(plan.layout, chunksOf(plan))).toEqual(big);
  });

  it('says which chunk is missing or damaged', () => {
    const plan = planPack(value, 16);
    const chunks = chunksOf(plan);
    expect(() => unpackValue(plan.layout, chunks.slice(0, -1))).toThrow(/chunk \d+ is missing or damaged/);
    expect(() => unpackValue(plan.layout, [new ArrayBuffer(3), ...chunks.slice(1)])).toThrow(/chunk 0/);
  });

  it('a value without typed arrays has no chunks; an older record is not taken for a layout', () => {
    const plain = { a: [1, 2, { b: 'c' }], d: null };
    const plan = planPack(plain);
    expect(plan.layout.chunkBytes).toEqual([]);
    expect(unpackValue(plan.layout, [])).toEqual(plain);
    expect(isPackedLayout(plain)).toBe(false);
  });
});
