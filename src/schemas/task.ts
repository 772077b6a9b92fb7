import { z } from 'astro/zod';
import { TASK_ROLE_CODES } from '../domain/glossary.ts';
import { text } from './common.ts';

/** 主要任务 of a work plan: （一）title。text（责任部门：departments） */
export const taskSchema = z.strictObject({
  number: z.number().int().positive(),
  title: text,
  text,
  role: z.enum(TASK_ROLE_CODES, { error: '应为 responsible（责任部门）或 lead（牵头部门） / expected responsible or lead' }),
  departments: text,
});

export type Task = z.infer<typeof taskSchema>;
