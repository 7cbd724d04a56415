/**
 * Strings for bad input and runaway training: reading big CSV files, keeping (or not) the table for a reload,
 * summarised link warnings, and the divergence warning with its remedies.
 */
export const INPUT_SAFETY_EN = {
  'csvUi.fileSize': '{file} ({size})',
  'csvUi.bigFile':
    'This file is {size}; the page reads files up to about {limit} comfortably. Reading it takes a while and its table may be too large to keep for a reload. You can cancel.',
  'csvUi.cancel': 'Cancel',
  'csvUi.notKept.tooLarge': 'The table of “{file}” ({size}) is larger than the {limit} this page keeps in the browser, so it was not kept: after a reload, load the file again.',
  'csvUi.notKept.quota': 'This browser’s storage is full, so the table of “{file}” ({size}) was not kept: after a reload, load the file again.',
  'csvUi.notKept.unavailable': 'This browser does not let the page store data (a private window?), so the table of “{file}” was not kept: after a reload, load the file again.',
  'csvUi.lost.tooLarge': 'It was not kept because its table (“{file}”, {size}) is larger than the {limit} this page stores.',
  'csvUi.lost.quota': 'It was not kept because this browser’s storage was full when “{file}” was loaded.',
  'csvUi.lost.unavailable': 'It was not kept because this browser refused to store “{file}” (a private window?).',
  'urlWarning.repeated': 'given {count} times; the last one is used',
  'urlWarning.more': '… and {count} more',
  'divergence.title': 'Training is diverging at step {step}: the loss is {ratio}× what it was at the start and not falling.',
  'divergence.cause.lr': 'The likely cause is a learning rate that is too high ({lr}): each update overshoots and the weights grow.',
  'divergence.cause.clip': 'The likely cause is exploding gradients: without clipping, one large gradient throws the weights far off.',
  'divergence.remedy': 'The weights are already far off, so each remedy starts the run again:',
  'divergence.lowerLr': 'Restart with learning rate {lr}',
  'divergence.clip': 'Restart with gradient clipping (norm 1)',
  'divergence.compare': 'diverging',
} as const;

export const INPUT_SAFETY_ZH: Record<keyof typeof INPUT_SAFETY_EN, string> = {
  'csvUi.fileSize': '{file}（{size}）',
  'csvUi.bigFile': '此文件大小为 {size}；页面能顺畅读取约 {limit} 以内的文件。读取需要一段时间，而且它的表格可能太大，重新加载后无法保留。可以随时取消。',
  'csvUi.cancel': '取消',
  'csvUi.notKept.tooLarge': '“{file}”的表格（{size}）超过了页面在浏览器中保存的上限 {limit}，因此没有保存：重新加载后请再次载入该文件。',
  'csvUi.notKept.quota': '此浏览器的存储空间已满，因此“{file}”的表格（{size}）没有保存：重新加载后请再次载入该文件。',
  'csvUi.notKept.unavailable': '此浏览器不允许页面存储数据（是否为隐私窗口？），因此“{file}”的表格没有保存：重新加载后请再次载入该文件。',
  'csvUi.lost.tooLarge': '它没有被保存，因为它的表格（“{file}”，{size}）超过了页面保存的上限 {limit}。',
  'csvUi.lost.quota': '它没有被保存，因为载入“{file}”时此浏览器的存储空间已满。',
  'csvUi.lost.unavailable': '它没有被保存，因为此浏览器拒绝存储“{file}”（是否为隐私窗口？）。',
  'urlWarning.repeated': '出现了 {count} 次；采用最后一个',
  'urlWarning.more': '……还有 {count} 项',
  'divergence.title': '训练在第 {step} 步发散：损失是开始时的 {ratio} 倍，而且没有下降。',
  'divergence.cause.lr': '很可能是学习率太高（{lr}）：每次更新都冲过了头，权重越来越大。',
  'divergence.cause.clip': '很可能是梯度爆炸：没有梯度裁剪时，一个很大的梯度就会把权重推得很远。',
  'divergence.remedy': '权重已经偏离很远，因此每种补救都会重新开始训练：',
  'divergence.lowerLr': '以学习率 {lr} 重新开始',
  'divergence.clip': '开启梯度裁剪（范数 1）并重新开始',
  'divergence.compare': '发散',
};
