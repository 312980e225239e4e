/** Where a reminder's `subject` leads: the screen that shows what it is about. */
export function screenForSubject(subject: string): string {
  const type = subject.split(':', 1)[0];
  switch (type) {
    case 'slot':
      return 'sourcing';
    case 'money':
      return 'money';
    default:
      // block:…, order:… (the 订单处理 block's queue lists them), day:… (the 看数据 block)
      return 'today';
  }
}

