/** 简体中文界面文字：与 en.ts 的键完全相同。 */
import type { Dict } from './en.ts';

export const zh: Dict = {
  'app.title': 'LSTM 透镜',
  'app.tagline': '一个时间步一个时间步地，看循环神经网络如何学习',
  'gate.i': '输入门',
  'gate.f': '遗忘门',
  'gate.g': '候选值',
  'gate.o': '输出门',
  'gate.r': '重置门',
  'gate.z': '更新门',
  'gate.n': '候选隐藏状态',
  'gate.a': '加权输入',
  'state.c': '细胞状态',
  'state.h': '隐藏状态',
  'term.loss': '损失',
  'term.gradient': '梯度',
  'term.timestep': '时间步',
  'term.vanishing': '梯度消失',
  'term.exploding': '梯度爆炸',
};
