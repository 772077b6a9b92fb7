/**
 * Which notices are no longer in force, for the 出处 column of every browse list: worked out from the notices once
 * per build, not once per list page (each page reading the whole collection again slowed a large build).
 */
import type { ValidityInfo } from '../schemas/notice.ts';
import { lapsedLabel } from './data/ui.ts';
import { oncePerBuild } from './build-memo.ts';

interface NoticeValidity {
  id: string;
  data: { validity?: ValidityInfo | null | undefined };
}

/** notice id → 已修订 / 已废止 / 失效, for each notice whose 有效性 says it is no longer in force. */
export function lapsedNotices(notices: () => Promise<readonly NoticeValidity[]>): Promise<Map<string, string>> {
  return oncePerBuild('lapsed-notices', async () =>
    new Map(
      (await notices()).flatMap((n) => {
        const label = lapsedLabel(n.data.validity);
        return label ? [[n.id, label] as const] : [];
      }),
    ),
  );
}
