import { AriaComponent } from "echarts/components";
import { type EChartsCoreOption, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { type RefObject, useEffect, useRef } from "react";
import type { UiLocale } from "../../i18n/locales";

// What every chart of the app uses; each chart registers its own series types and components.
use([AriaComponent, SVGRenderer]);

/**
 * Draws an ECharts chart into the returned element the way every chart of the app is drawn: SVG (sharp
 * at any zoom, no canvas), ECharts' own texts in the UI language, the text description given to screen
 * readers through ECharts' aria option, no animation (nothing moves for people who asked for less
 * motion, and screenshots are stable), resized with the window and disposed when the component goes.
 * `option` is read when `redrawOn` changes (values compared by content by the caller, e.g. joined ids).
 */
export function useChart(
  option: () => EChartsCoreOption,
  { description, locale, redrawOn }: { description: string; locale: UiLocale; redrawOn: readonly unknown[] },
): RefObject<HTMLDivElement | null> {
  const container = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what its option depends on
  useEffect(() => {
    if (!container.current) return;
    const chart = init(container.current, undefined, {
      renderer: "svg",
      locale: locale === "zh-CN" ? "ZH" : "EN",
    });
    chart.setOption({ aria: { enabled: true, label: { description } }, animation: false, ...option() });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [...redrawOn, description, locale]);
  return container;
}
