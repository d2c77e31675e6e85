/** Removes what a web page wraps around an article: navigation, share buttons, footers. */

const JUNK_LINE = [
  /^(关注我们|分享到|打印|关闭窗口|关闭|返回顶部|上一篇|下一篇|相关新闻|相关阅读|网站地图|联系我们|关于我们)/,
  /扫一扫|在手机打开|All Rights Reserved|Copyright|©|版权所有|版权为|未经同意不得|ICP备|公网安备|增值电信业务|营业执照/i,
  /^字体(大小)?[::]?\s*(大|中|小|打印)?/,
  /^【?责任编辑/,
  /(\s>\s.*){2,}/, // breadcrumbs: 荆楚网 > 新闻频道 > 湖北新闻
  /^\s*(首页|当前位置)[::>]/,
  /^[-–—\s]*$/,
];

/** A line that only states where and when the article was published. */
const METADATA_LINE = /^[^。]{0,30}(发布时间|发布日期|发稿时间|来源)\s*[::][^。]{0,60}$/;

export interface CleanedText {
  body: string;
  /** The lines removed, for a report of what ingest dropped. */
  removed: string[];
  /** The outlet named in a 来源 line, when there is one. */
  outlet: string | null;
}

/** Drops navigation and footer lines; keeps every line of the article itself, unchanged. */
export function cleanText(text: string): CleanedText {
  const removed: string[] = [];
  const kept: string[] = [];
  let outlet: string | null = null;
  for (const line of text
    .replace(/\r\n?/g, '\n')
    .replace(/^\uFEFF/, '')
    .split('\n')) {
    const t = line.trim();
    if (t && (JUNK_LINE.some((re) => re.test(t)) || METADATA_LINE.test(t))) {
      if (METADATA_LINE.test(t)) outlet ??= /来源\s*[::]\s*([^\s]+)/.exec(t)?.[1] ?? null;
      removed.push(t);
      continue;
    }
    kept.push(line.replace(/\s+$/, ''));
  }
  const body =
    kept
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n';
  return { body, removed, outlet };
}
