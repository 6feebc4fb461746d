import {
  Background,
  Controls,
  type Edge,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import type { MasteryBand } from "../mastery/bands";
import { layoutConceptMap, type MapConcept, type MapPrerequisite, NODE_HEIGHT, NODE_WIDTH } from "./layout";

/** A concept on the map, optionally with its mastery band and a short text (e.g. "82%") so colour is never the only cue. */
export interface ColouredConcept extends MapConcept {
  band?: MasteryBand;
  detail?: string;
  /** Screen-reader name: title plus the band in words. */
  description?: string;
}

type ConceptNode = Node<{ title: string; band?: MasteryBand; detail?: string }, "concept">;

function ConceptBox({ data }: NodeProps<ConceptNode>) {
  return (
    <div className={`concept-node${data.band ? ` concept-node--${data.band}` : ""}`} data-band={data.band}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span>{data.title}</span>
      {data.detail && <span className="concept-node__detail">{data.detail}</span>}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
const NODE_TYPES = { concept: ConceptBox };

/**
 * The course's concept graph, laid out by dagre and drawn with React Flow (pan and zoom, read-only).
 * Concepts carry an optional mastery band (see ../mastery/bands.ts); without one they are drawn alike.
 */
export function KnowledgeMap({
  concepts,
  prerequisites,
  label,
}: {
  concepts: readonly ColouredConcept[];
  prerequisites: readonly MapPrerequisite[];
  label: string;
}) {
  const { nodes, edges } = useMemo(() => {
    const placed = layoutConceptMap(concepts, prerequisites);
    const nodes: ConceptNode[] = placed.map((concept) => ({
      id: concept.id,
      type: "concept",
      position: { x: concept.x, y: concept.y },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      data: {
        title: concept.title,
        ...(concept.band ? { band: concept.band } : {}),
        ...(concept.detail ? { detail: concept.detail } : {}),
      },
      draggable: false,
      connectable: false,
      ariaLabel: concept.description ?? concept.title,
    }));
    const known = new Set(placed.map((concept) => concept.id));
    const edges: Edge[] = prerequisites
      .filter((edge) => known.has(edge.concept) && known.has(edge.requires))
      .map((edge) => ({
        id: `${edge.requires}->${edge.concept}`,
        source: edge.requires,
        target: edge.concept,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: "#8a93a6" },
        focusable: false,
      }));
    return { nodes, edges };
  }, [concepts, prerequisites]);

  return (
    <figure className="knowledge-map" aria-label={label}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        fitView
        fitViewOptions={{ padding: 0.04 }}
        minZoom={0.2}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </figure>
  );
}
