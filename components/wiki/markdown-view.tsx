// Rendered page text. `html` must come from renderMarkdown (sanitized): it is
// the only HTML the wiki injects. Styled here, element by element, because
// the HTML comes from markdown rather than from our components.

export const PROSE = [
  'space-y-3 leading-relaxed break-words',
  '[&_h1]:text-2xl [&_h1]:font-bold [&_h2]:mt-6 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:mt-4 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:font-semibold',
  '[&_a]:text-indigo-700 [&_a]:underline',
  '[&_a.mention]:rounded-full [&_a.mention]:bg-indigo-50 [&_a.mention]:px-2 [&_a.mention]:py-0.5 [&_a.mention]:font-medium [&_a.mention]:no-underline [&_a.mention]:text-indigo-800 [&_a.mention:hover]:underline',
  '[&_ul]:list-disc [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:pl-6',
  '[&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_blockquote]:text-slate-700',
  '[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:text-sm [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-100 [&_pre]:p-3 [&_pre_code]:bg-transparent [&_pre_code]:p-0',
  '[&_table]:block [&_table]:overflow-x-auto [&_td]:border [&_td]:border-slate-300 [&_td]:px-2 [&_th]:border [&_th]:border-slate-300 [&_th]:bg-slate-50 [&_th]:px-2',
  '[&_img]:max-w-full [&_hr]:border-slate-200',
].join(' ');

export function MarkdownView({ html, id }: { html: string; id?: string }) {
  return <div id={id} className={PROSE} dangerouslySetInnerHTML={{ __html: html }} />;
}
