/**
 * GFLOP/s of the engine's GEMM kernels on the shapes an LSTM step uses, next to the plain-JS multiply-add peak.
 *   npx tsx bench/kernels.bench.ts           (about a minute)
 *   npx tsx bench/kernels.bench.ts --quick   (fewer repetitions)
 * Each shape is timed in several rounds of ≥ 40 ms; the median is printed with the spread (min–max) so a busy
 * machine shows up as a wide spread rather than as a wrong number.
 */
import { gemmNN, gemmNT, gemmTN } from '../src/engine/kernels/gemm.ts';
import { measureJsPeak, randomArray } from './peak.ts';

type Kernel = typeof gemmNT;
interface Shape { kernel: 'NT' | 'NN' | 'TN'; M: number; N: number; K: number; what: string }

const KERNELS: Record<Shape['kernel'], Kernel> = { NT: gemmNT, NN: gemmNN, TN: gemmTN };

// T·B = 3200 (T = 100, B = 32); 4H = 1024 (H = 256), 256 (H = 64), 128 (H = 32), 32 (H = 8).
const SHAPES: Shape[] = [
  { kernel: 'NT', M: 3200, N: 1024, K: 256, what: 'x·W_ihᵀ, all steps, large layer 1 (I = H = 256)' },
  { kernel: 'NT', M: 3200, N: 1024, K: 32, what: 'x·W_ihᵀ, all steps, large layer 0 (I = 32)' },
  { kernel: 'NT', M: 3200, N: 256, K: 8, what: 'x·W_ihᵀ, all steps, medium (I = 8)' },
  { kernel: 'NT', M: 32, N: 1024, K: 256, what: 'h·W_hhᵀ per step, large (B = 32, H = 256)' },
  { kernel: 'NT', M: 32, N: 256, K: 64, what: 'h·W_hhᵀ per step, medium (B = 32, H = 64)' },
  { kernel: 'NT', M: 16, N: 128, K: 32, what: 'h·W_hhᵀ per step, classroom (B = 16, H = 32)' },
  { kernel: 'NT', M: 1, N: 32, K: 8, what: 'h·W_hhᵀ per step, tiny (B = 1, H = 8)' },
  { kernel: 'NN', M: 32, N: 256, K: 1024, what: 'dPre·W_hh per step, large' },
  { kernel: 'NN', M: 3200, N: 256, K: 1024, what: 'dPre·W_ih, all steps, large layer 1' },
  { kernel: 'NN', M: 3200, N: 32, K: 1024, what: 'dPre·W_ih, all steps, large layer 0 (I = 32)' },
  { kernel: 'NN', M: 32, N: 64, K: 256, what: 'dPre·W_hh per step, medium' },
  { kernel: 'NN', M: 16, N: 32, K: 128, what: 'dPre·W_hh per step, classroom' },
  { kernel: 'NN', M: 1, N: 8, K: 32, what: 'dPre·W_hh per step, tiny' },
  { kernel: 'TN', M: 1024, N: 256, K: 3200, what: 'dW = dPreᵀ·x over all steps, large (N = H)' },
  { kernel: 'TN', M: 1024, N: 32, K: 3200, what: 'dW_ih over all steps, large layer 0 (N = I = 32)' },
  { kernel: 'TN', M: 256, N: 64, K: 3200, what: 'dW_hh over all steps, medium' },
  { kernel: 'TN', M: 256, N: 8, K: 3200, what: 'dW_ih over all steps, medium (I = 8)' },
  { kernel: 'TN', M: 128, N: 32, K: 800, what: 'dW_hh over all steps, classroom' },
  { kernel: 'TN', M: 1024, N: 256, K: 32, what: 'dW_hh per step, large (K = B)' },
  { kernel: 'TN', M: 32, N: 8, K: 20, what: 'dW_hh over all steps, tiny' },
];

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export interface KernelResult extends Shape { gflops: number; min: number; max: number; nsPerCall: number }

function benchKernel(shape: Shape, rounds: number, roundMs: number): KernelResult {
  const { M, N, K } = shape;
  const f = KERNELS[shape.kernel];
  // Offsets ≠ 0, as the engine uses them.
  const A = randomArray(M * K + 8, 1), B = randomArray(N * K + 8, 2), C = new Float64Array(M * N + 8);
  const flops = 2 * M * N * K;
  // Calibrate calls per round; this also warms the kernel up.
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) f(M, N, K, A, 3, B, 5, C, 7, (i & 1) === 1);
    const dt = performance.now() - t0;
    if (dt >= roundMs / 4) {
      reps = Math.max(1, Math.ceil((reps * roundMs) / Math.max(dt, 1e-3)));
      break;
    }
    reps *= 4;
  }
  const g: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) f(M, N, K, A, 3, B, 5, C, 7, (i & 1) === 1);
    const dt = (performance.now() - t0) / 1000;
    g.push((flops * reps) / dt / 1e9);
  }
  if (!Number.isFinite(C[7])) throw new Error('kernel produced a non-finite value');
  const gm = median(g);
  return { ...shape, gflops: gm, min: Math.min(...g), max: Math.max(...g), nsPerCall: (flops / gm) };
}

function main(): void {
  const quick = process.argv.includes('--quick');
  const rounds = quick ? 3 : 7;
  const roundMs = quick ? 25 : 40;
  const peak0 = measureJsPeak();
  console.log(`plain-JS multiply-add peak (register-blocked 256×256 matmul): ${peak0.gflops.toFixed(2)} GFLOP/s best ` +
    `(4×4 best ${peak0.byKernel['4x4'].toFixed(2)} / median ${peak0.medianByKernel['4x4'].toFixed(2)}, ` +
    `4×6 best ${peak0.byKernel['4x6'].toFixed(2)} / median ${peak0.medianByKernel['4x6'].toFixed(2)})`);
  console.log('');
  console.log('kernel      M     N     K   GFLOP/s (median, min–max)   ns/call     % peak   what');
  const results: KernelResult[] = [];
  for (const shape of SHAPES) {
    const r = benchKernel(shape, rounds, roundMs);
    results.push(r);
    console.log(
      `${('gemm' + r.kernel).padEnd(8)} ${String(r.M).padStart(5)} ${String(r.N).padStart(5)} ${String(r.K).padStart(5)}` +
      `   ${r.gflops.toFixed(2).padStart(5)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})` +
      `${''.padEnd(8)}${r.nsPerCall.toFixed(0).padStart(10)}   ${((100 * r.gflops) / peak0.gflops).toFixed(0).padStart(4)}%   ${r.what}`,
    );
  }
  const peak1 = measureJsPeak();
  console.log('');
  console.log(`peak again after the kernels: ${peak1.gflops.toFixed(2)} GFLOP/s (was ${peak0.gflops.toFixed(2)}; ` +
    `a big difference means the machine was busy)`);
}

main();
