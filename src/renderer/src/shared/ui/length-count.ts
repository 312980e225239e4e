import { FIELD_SPECS, type FormatFieldKey, type TextFieldKey } from '../../../../shared/validation/field-specs';

/**
 * antd's `count` for a text field with a length limit: a visible "12 / 40" counter that turns red
 * past the limit. Unlike `maxLength` it never cuts what was typed or pasted; the schema refuses it
 * ("名称最多 40 个字") and the text stays for the user to shorten. `onlyPastLimit` (search boxes)
 * shows the counter only once the text is too long.
 */
export const lengthCount = (key: TextFieldKey | FormatFieldKey, { onlyPastLimit = false } = {}) => {
  const max = FIELD_SPECS[key].max;
  return onlyPastLimit ? { max, show: ({ count }: { count: number }) => (count > max ? `${count} / ${max}` : null) } : { show: true, max };
};
