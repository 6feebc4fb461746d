import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";

// GitHub-flavoured Markdown: the card's metrics and calibration are tables.
const PLUGINS = [remarkGfm];

/**
 * The model card (Mitchell et al. 2019), written by the server in Markdown. react-markdown builds React
 * elements from the Markdown syntax tree; with its defaults kept (no rehype-raw, the default URL
 * transform) raw HTML is never turned into markup and unsafe link protocols are removed, so a card cannot
 * inject elements or scripts.
 */
export function ModelCard({ markdown }: { markdown: string }) {
  return (
    <article className="model-card">
      <Markdown remarkPlugins={PLUGINS}>{markdown}</Markdown>
    </article>
  );
}
