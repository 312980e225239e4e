import { Radio } from 'antd';
import type { Settings } from '../../../../../shared/rpc/contract';
import { useSettings, type SettingsPatch } from '../../../app/settings-context';
import { useShowError } from '../../../shared/ui/error-message';
import { SectionCard } from '../../../shared/ui/section-card';

/** The settings that are one choice among a few words (language, theme). */
type ChoiceSetting = { [K in keyof Settings]: Settings[K] extends string ? K : never }[keyof Settings];

export type SegmentedOption<K extends ChoiceSetting> = { value: Settings[K]; label: string };

/**
 * A settings card with one row of buttons, one per choice; a click saves the setting at once
 * (a failure shows the translated error and the buttons keep the stored value).
 */
export function SegmentedSetting<K extends ChoiceSetting>({
  setting,
  title,
  description,
  options,
}: {
  setting: K;
  title: string;
  description: string;
  options: readonly SegmentedOption<K>[];
}) {
  const { settings, update } = useSettings();
  const showError = useShowError();
  return (
    <SectionCard title={title} description={description}>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        aria-label={title}
        value={settings[setting]}
        options={[...options]}
        // The computed key loses K's link to its value type; `options` typed them together.
        onChange={(e) => update({ [setting]: e.target.value as Settings[K] } as SettingsPatch).catch(showError)}
      />
    </SectionCard>
  );
}
