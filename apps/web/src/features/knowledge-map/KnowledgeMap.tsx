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
import { layoutConceptMap, type MapConcept, type MapPrerequisite, NODE_HEIGHT, NODE_WIDTH } from "./layout";

type ConceptNode = Node<{ title: string }, "concept">;

function ConceptBox({ data }: NodeProps<ConceptNode>) {
  return (
    <div className="concept-node">
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {data.title}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
const NODE_TYPES = { concept: ConceptBox };

/**
 * The course's concept graph, laid out by dagre and drawn with React Flow (pan and zoom, read-only).
 * Colouring by mastery comes with the learner-model API; until then every concept is drawn alike.
 */
export function KnowledgeMap({
  concepts,
  prerequisites,
  label,
}: {
  concepts: readonly MapConcept[];
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
      data: { title: concept.title },
      draggable: false,
      connectable: false,
      ariaLabel: concept.title,
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
