import type { ComponentProps, ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Renders an author's Markdown (GFM: tables, task lists, strikethrough, autolinks) safely, on the
 * server or in the browser (no hooks, no "use client"):
 * - raw HTML is never rendered: without rehype-raw, react-markdown turns it into plain text, so
 *   `<script>` or `<img onerror>` show as the characters typed;
 * - only http(s) and mailto URLs survive (`safeUrl`); any other href or src (javascript:, data:,
 *   relative paths) is dropped and the link renders as plain text;
 * - links get rel="noopener noreferrer nofollow", images no referrer;
 * - the author's headings start `headingOffset` levels down (h1 → h3 by default) so they sit
 *   under the page's own headings.
 */

/** The URL if it is http(s) or mailto, otherwise undefined (the attribute is left out). */
export function safeUrl(url: string): string | undefined {
  const u = url.trim();
  // Control characters and whitespace inside a scheme are how "java\tscript:" tricks work: refuse them.
  if (/[\u0000-\u001f\u007f]/.test(u)) return undefined;
  return /^(?:https?:\/\/|mailto:)/i.test(u) ? u : undefined;
}

type Level = 1 | 2 | 3 | 4 | 5 | 6;
const headingClass: Record<Level, string> = {
  1: "text-2xl font-semibold",
  2: "text-xl font-semibold",
  3: "text-lg font-semibold",
  4: "text-base font-semibold",
  5: "text-sm font-semibold",
  6: "text-sm font-semibold text-muted",
};

function heading(level: number, offset: number) {
  const shifted = Math.min(6, Math.max(1, level + offset)) as Level;
  const Tag = `h${shifted}` as const;
  return function Heading({ children }: { children?: ReactNode }) {
    return <Tag className={`mt-4 mb-2 first:mt-0 ${headingClass[shifted]}`}>{children}</Tag>;
  };
}

function components(headingOffset: number): Components {
  return {
    h1: heading(1, headingOffset),
    h2: heading(2, headingOffset),
    h3: heading(3, headingOffset),
    h4: heading(4, headingOffset),
    h5: heading(5, headingOffset),
    h6: heading(6, headingOffset),
    a: ({ href, children }: ComponentProps<"a">) =>
      href ? (
        <a href={href} rel="noopener noreferrer nofollow" className="break-words text-link underline hover:no-underline">
          {children}
        </a>
      ) : (
        <span>{children}</span>
      ),
    img: ({ src, alt }: ComponentProps<"img">) =>
      typeof src === "string" && src ? (
        // Authors' images are arbitrary external URLs with unknown sizes: next/image does not fit.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={src} alt={alt ?? ""} loading="lazy" referrerPolicy="no-referrer" className="my-2 max-w-full rounded border border-line" />
      ) : (
        <span className="text-muted">{alt ? `[image: ${alt}]` : "[image]"}</span>
      ),
    p: ({ children }) => <p className="my-2 leading-relaxed">{children}</p>,
    ul: ({ children, className }) => <ul className={`my-2 pl-5 ${className?.includes("contains-task-list") ? "list-none" : "list-disc"}`}>{children}</ul>,
    ol: ({ children, start }) => (
      <ol start={start} className="my-2 list-decimal pl-5">
        {children}
      </ol>
    ),
    li: ({ children }) => <li className="my-0.5">{children}</li>,
    blockquote: ({ children }) => <blockquote className="my-2 border-l-2 border-line pl-3 text-muted">{children}</blockquote>,
    hr: () => <hr className="my-4 border-line" />,
    pre: ({ children }) => <pre className="my-2 overflow-x-auto rounded-md border border-line bg-raised p-3 text-xs [&>code]:bg-transparent [&>code]:p-0">{children}</pre>,
    code: ({ children, className }) => <code className={`rounded bg-raised px-1 py-0.5 font-mono text-[0.85em] ${className ?? ""}`}>{children}</code>,
    table: ({ children }) => (
      <div className="my-2 overflow-x-auto rounded-md border border-line">
        <table className="w-full text-sm">{children}</table>
      </div>
    ),
    thead: ({ children }) => <thead className="border-b border-line text-left text-muted">{children}</thead>,
    tr: ({ children }) => <tr className="border-b border-line last:border-0">{children}</tr>,
    th: ({ children, style }) => (
      <th scope="col" style={style} className="px-3 py-2 font-medium">
        {children}
      </th>
    ),
    td: ({ children, style }) => (
      <td style={style} className="px-3 py-2 align-top">
        {children}
      </td>
    ),
    input: ({ type, checked }) =>
      // GFM task list boxes: shown, never editable here.
      type === "checkbox" ? <input type="checkbox" checked={!!checked} disabled readOnly className="mr-1 align-middle" /> : null,
  };
}

const cache = new Map<number, Components>();

export function MarkdownView({ source, headingOffset = 2, className = "" }: { source: string; headingOffset?: number; className?: string }) {
  let c = cache.get(headingOffset);
  if (!c) cache.set(headingOffset, (c = components(headingOffset)));
  return (
    <div className={`text-sm break-words text-fg ${className}`}>
      <Markdown remarkPlugins={[remarkGfm]} urlTransform={safeUrl} components={c}>
        {source}
      </Markdown>
    </div>
  );
}
