import { z } from 'astro/zod';
import { ACTION_CODES, ACTIONS, CHANGE_PRESET_CODES, CHANGE_PRESETS, LEVEL_CODES, LEVELS } from '../domain/glossary.ts';
import { text } from './common.ts';

const actionList = ACTION_CODES.map((c) => `${c}（${ACTIONS[c].label}）`).join('、');
const levelList = LEVEL_CODES.map((c) => `${c}（${LEVELS[c].level}）`).join('、');
const presetList = CHANGE_PRESET_CODES.map((c) => `${c}（${CHANGE_PRESETS[c].long}）`).join('、');
const level = z.enum(LEVEL_CODES, { error: `层级应为 ${levelList} 之一 / level must be one of ${LEVEL_CODES.join(', ')}` });

/**
 * What happened to a power: the action, who decided it (by: 国务院 / 省 / 市 / 县), where it went (to: a level,
 * toDepartment: a department the title or notice names), and what it became (into: 调整为 “行政确认”, 更名为 …).
 */
export const changeSpecSchema = z.strictObject({
  action: z.enum(ACTION_CODES, { error: `变更方式应为 ${actionList} 之一 / action must be one of ${ACTION_CODES.join(', ')}` }),
  by: level.optional(),
  to: level.optional(),
  toDepartment: text.optional(),
  into: text.optional(),
});

/** A change as a content file writes it: one of the five named presets, or a full description. */
const changeError = `调整方式应为 ${presetList} 之一，或写成 { "action": …, "by": …, "to": … } / change must be a preset code or an object with action`;
export const changeSchema = z.union([z.enum(CHANGE_PRESET_CODES, { error: changeError }), changeSpecSchema], { error: changeError });

export type ChangeSpec = z.infer<typeof changeSpecSchema>;
export type ChangeValue = z.infer<typeof changeSchema>;
