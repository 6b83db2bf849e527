import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { notFound } from '@registry/domain';
import { Public } from './auth.js';
import { PROBLEMS, type ProblemCode } from './problem-catalogue.js';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const code = (text: string) => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');

/** The page each problem `type` points to: what went wrong and how to fix it. */
@Controller('problems')
export class ProblemsController {
  @Get(':code')
  @Public()
  explain(@Param('code') name: string, @Req() req: Request, @Res() res: Response) {
    const entry = Object.hasOwn(PROBLEMS, name) ? PROBLEMS[name as ProblemCode] : undefined;
    if (!entry) throw notFound(`no problem code ${name.slice(0, 60)}; the codes are listed in docs/api.md`);
    if (/json/.test(req.headers.accept ?? '') && !/html/.test(req.headers.accept ?? '')) return void res.json({ code: name, ...entry });
    res.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${name}: ${escape(entry.title)}</title></head>
<body><h1>${name}</h1><p>HTTP ${entry.status} ${escape(entry.title)}</p>
<h2>What went wrong</h2><p>${code(entry.meaning)}</p>
<h2>How to fix it</h2><p>${code(entry.fix)}</p>
<p>The problem's <code>errors</code>, <code>detail</code> and <code>hint</code> say more about your request. All routes: <a href="/docs">/docs</a>.</p>
</body></html>`);
  }
}
