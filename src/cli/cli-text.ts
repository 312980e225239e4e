import type { Locale } from '../shared/i18n/error-messages';
import type { CliLang, Text } from './command';
import type { UsageProblem } from './parse-args';

export const localeOf = (lang: CliLang): Locale => (lang === 'zh' ? 'zh-CN' : 'en-US');

export const translate = (lang: CliLang, text: Text): string => text[lang];

/** `标签：值` in Chinese (full-width colon), `Label: value` in English. */
export const labelled = (lang: CliLang, label: Text, value: string | number): string =>
  lang === 'zh' ? `${label.zh}：${value}` : `${label.en}: ${value}`;

/** Words the CLI frame itself prints (commands keep their own texts next to their code). */
export const CLI_TEXT = {
  title: { zh: '小店工作台命令行', en: 'ShopDesk command line' },
  usage: { zh: '用法', en: 'Usage' },
  commands: { zh: '命令', en: 'Commands' },
  arguments: { zh: '参数', en: 'Arguments' },
  options: { zh: '选项', en: 'Options' },
  globalOptions: { zh: '全局选项', en: 'Global options' },
  exitCodes: { zh: '退出码', en: 'Exit codes' },
  exitCodeList: {
    zh: '0 成功 · 1 内部错误或检查发现问题 · 2 输入或操作被拒绝',
    en: '0 success · 1 internal error or a check found problems · 2 input or action refused',
  },
  globalUsage: { zh: 'shopdesk [全局选项] <命令> [参数]', en: 'shopdesk [global options] <command> [arguments]' },
  dataDirHelp: {
    zh: '数据文件夹（默认：SHOPDESK_DATA_DIR 或系统用户数据文件夹）',
    en: 'Data folder (default: SHOPDESK_DATA_DIR or the OS user-data folder)',
  },
  langHelp: { zh: '输出和错误信息的语言，默认 zh', en: 'Language of output and errors (default zh)' },
  jsonHelp: { zh: '以一行 JSON 输出结果', en: 'Print the result as one line of JSON' },
  helpHelp: { zh: '显示帮助', en: 'Show help' },
  moreHelp: { zh: '运行 shopdesk --help 查看用法。', en: 'Run shopdesk --help for usage.' },
  error: { zh: '错误', en: 'Error' },
  reason: { zh: '原因', en: 'Reason' },
  detail: { zh: '详情', en: 'Detail' },
  invalidFields: { zh: '有问题的字段', en: 'Fields with problems' },
  requestedId: { zh: '编号', en: 'ID' },
} as const satisfies Record<string, Text>;

const PROBLEM_TEXT: { [K in UsageProblem['kind']]: Text } = {
  missingCommand: { zh: '请指定一个命令。', en: 'Please give a command.' },
  unknownCommand: { zh: '未知命令：{0}', en: 'Unknown command: {0}' },
  unknownFlag: { zh: '未知选项：{0}', en: 'Unknown option: {0}' },
  missingValue: { zh: '选项 {0} 需要一个值。', en: 'Option {0} needs a value.' },
  flagTakesNoValue: { zh: '选项 {0} 不接受值。', en: 'Option {0} takes no value.' },
  missingArgument: { zh: '缺少参数 {0}。', en: 'Missing argument {0}.' },
  extraArgument: { zh: '多余的参数：{0}', en: 'Unexpected argument: {0}' },
  badLang: { zh: '--lang 只能是 zh 或 en，而不是 {0}。', en: '--lang must be zh or en, not {0}.' },
  badOption: { zh: '选项 --{0} 的值 {1} 不正确，应为{2}。', en: 'Option --{0}: {1} is not valid; expected {2}.' },
  optionOrder: { zh: '选项 --{0} 的值 {1} 早于 --{2} 的值 {3}，结束不能早于开始。', en: 'Option --{0} {1} is before --{2} {3}; the end cannot come before the start.' },
};

const subjectsOf = (problem: UsageProblem, lang: CliLang): string[] => {
  switch (problem.kind) {
    case 'missingCommand':
      return [];
    case 'extraArgument':
    case 'badLang':
      return [problem.value];
    case 'badOption':
      return [problem.name, problem.value, problem.expected[lang]];
    case 'optionOrder':
      return [problem.name, problem.value, problem.other, problem.otherValue];
    default:
      return [problem.name];
  }
};

export const usageMessage = (lang: CliLang, problem: UsageProblem): string =>
  subjectsOf(problem, lang).reduce((text, subject, i) => text.replace(`{${i}}`, subject), PROBLEM_TEXT[problem.kind][lang]);
