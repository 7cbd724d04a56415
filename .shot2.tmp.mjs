import { chromium } from '@playwright/test';
const [url, out, sel, action] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1440, height: 900 } });
p.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
p.on('pageerror', (e) => console.log('pageerror:', e.message));
await p.goto(url);
await p.waitForTimeout(2000);
if (action) { for (const step of action.split(';')) { const [kind, arg, arg2] = step.split('|'); if (kind === 'click') await p.getByTestId(arg).click(); if (kind === 'wait') await p.waitForTimeout(Number(arg)); if (kind === 'select') await p.getByTestId(arg).selectOption(arg2); if (kind === 'hover') await p.getByTestId(arg).hover(); } }
const el = p.locator(sel).first();
await el.screenshot({ path: out });
await b.close();
