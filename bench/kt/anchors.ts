/**
 * Published 5-fold test AUCs on the AKT split, copied from ../shared/datasets/ANCHORS.md section 1
 * (AKT paper, Ghosh, Heffernan & Lan, KDD 2020, Table 2 — "[AKT-T2]"). Only numbers from that block
 * are comparable with our runs on `akt_split`. AKT reports no accuracy.
 */
export interface Anchor {
  /** The published model the number belongs to. */
  readonly label: string;
  readonly auc: number;
  readonly std?: number;
  readonly source: string;
  /** Set when the source gives only an approximate value ("~0.69"). */
  readonly approximate?: boolean;
  /** Issue 3's target for this model, when it has one. */
  readonly target?: { readonly minAuc: number; readonly why: string };
}

type DatasetAnchors = Partial<Record<"assist2009" | "assist2015", Anchor>>;

/** Keyed by our registry name. Models absent here (elo, pfa, dnn) have no published number on this split. */
export const ANCHORS: Readonly<Record<string, DatasetAnchors>> = {
  bkt: {
    assist2009: {
      label: "BKT+",
      auc: 0.69,
      approximate: true,
      source: "[AKT-T2], quoted by AKT from the DKVMN paper (not run on this split; ~0.69)",
    },
  },
  dkt: {
    assist2009: {
      label: "DKT",
      auc: 0.817,
      std: 0.0043,
      source: "[AKT-T2]",
      target: { minAuc: 0.812, why: "within 0.005 of DKT's published 0.817" },
    },
    assist2015: {
      label: "DKT",
      auc: 0.731,
      std: 0.0018,
      source: "[AKT-T2]",
      target: { minAuc: 0.726, why: "within 0.005 of DKT's published 0.731" },
    },
  },
  sakt: {
    assist2009: { label: "SAKT", auc: 0.752, std: 0.004, source: "[AKT-T2]" },
    assist2015: { label: "SAKT", auc: 0.7212, std: 0.002, source: "[AKT-T2]" },
  },
  akt: {
    assist2009: {
      label: "AKT-R",
      auc: 0.8346,
      std: 0.0036,
      source: "[AKT-T2]",
      target: { minAuc: 0.835, why: "≥ 0.835 (AKT-R published 0.8346)" },
    },
    assist2015: {
      label: "AKT-NR",
      auc: 0.7828,
      std: 0.0019,
      source: "[AKT-T2]",
      target: { minAuc: 0.783, why: "≥ 0.783 (AKT-NR published 0.7828)" },
    },
  },
};

/** Other published rows on the same split, listed for context in the report. */
export const CONTEXT_ROWS: readonly { label: string; assist2009: string; assist2015: string }[] = [
  { label: "DKT+", assist2009: "0.8024 ± 0.0045", assist2015: "0.7313 ± 0.0018" },
  { label: "DKVMN", assist2009: "0.8093 ± 0.0044", assist2015: "0.7276 ± 0.0017" },
  { label: "AKT-NR", assist2009: "0.8169 ± 0.0045", assist2015: "0.7828 ± 0.0019" },
];
