import { BriefkitError } from '../errors.js';
import { unknownIdExpected, unknownIdMessage, type FactKind } from '../unknown-id.js';

export { unknownIdExpected, unknownIdMessage, type FactKind };

/** A located template error for an id the generated Markdown names but the briefing lacks. */
export function unknownIdError(kind: FactKind, id: string, file: string, context = ''): BriefkitError {
  return new BriefkitError('TEMPLATE_ERROR', {
    file,
    message: `${unknownIdMessage(kind, id)}${context}`,
    expected: unknownIdExpected(kind),
  });
}
